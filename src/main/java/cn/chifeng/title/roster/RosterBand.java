package cn.chifeng.title.roster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.common.ApiException;

/** 通知 三(二)3: 花名册要分高、中、初级分文件存储、报送 — the level bands, one file each. */
enum RosterBand {
    SENIOR("高级", EnumSet.of(Level.SENIOR, Level.ASSOCIATE_SENIOR)),
    INTERMEDIATE("中级", EnumSet.of(Level.INTERMEDIATE)),
    JUNIOR("初级", EnumSet.of(Level.ASSISTANT, Level.MEMBER));

    private final String label;
    private final Set<Level> levels;

    RosterBand(String label, Set<Level> levels) {
        this.label = label;
        this.levels = levels;
    }

    String label() {
        return label;
    }

    boolean contains(String level) {
        return level != null && levels.stream().anyMatch(l -> l.name().equals(level));
    }

    /** The band of a path segment: 400 naming the field {@code band} for anything else. */
    static RosterBand parse(String band) {
        return Arrays.stream(values()).filter(b -> b.name().equals(band)).findFirst().orElseThrow(() ->
                ApiException.invalid("band", "级别须为 SENIOR（高级）、INTERMEDIATE（中级）或 JUNIOR（初级）"));
    }
}
