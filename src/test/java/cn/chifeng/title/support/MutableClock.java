package cn.chifeng.title.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.chifeng.title.common.Zones;

/** A clock that tests set to a day of the season (Asia/Shanghai). */
public class MutableClock extends Clock {
    private Instant instant;

    public MutableClock(Instant instant) {
        this.instant = instant;
    }

    public void set(LocalDateTime chinaTime) {
        this.instant = chinaTime.atZone(Zones.CHINA).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return Zones.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
