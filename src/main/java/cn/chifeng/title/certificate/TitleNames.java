package cn.chifeng.title.certificate;

import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;

/**
 * The name of the title a passed application confers (职称名称), from its series and level, as the national series
 * rules name them (e.g. 工程 副高级 → 高级工程师, 中小学教师 副高级 → 高级教师). Two series name their titles by the
 * specialty's line: 卫生 (医、药、护、技: 副主任医师 / 副主任药师 / 副主任护师 / 副主任技师) and 农业 (农艺、畜牧、兽医);
 * the line is read from the specialty's words, the physician's and the agronomist's line by default. A level a
 * series has no title for is named by series and level (e.g. 中等职业学校教师系列员级).
 */
final class TitleNames {
    /** Specialties of the 卫生 series' technician line (技术类); others are the physician's, unless 护 or 药. */
    private static final java.util.regex.Pattern TECHNICIAN_LINE =
            java.util.regex.Pattern.compile("检验|影像|放射|超声|病理|康复|心电|输血|医学技术|技师");

    private TitleNames() {
    }

    static String of(Series series, Level level, String specialty) {
        String s = specialty == null ? "" : specialty;
        String name = switch (series) {
            case ENGINEERING, CONSTRUCTION_ENGINEERING ->
                    byLevel(level, "技术员", "助理工程师", "工程师", "高级工程师", "正高级工程师");
            case PRIMARY_SECONDARY_TEACHER -> byLevel(level, "三级教师", "二级教师", "一级教师", "高级教师", "正高级教师");
            case SECONDARY_VOCATIONAL_TEACHER, TECHNICAL_SCHOOL_TEACHER ->
                    byLevel(level, null, "助理讲师", "讲师", "高级讲师", "正高级讲师");
            case HEALTH -> health(level, s);
            case ACCOUNTING -> byLevel(level, "会计员", "助理会计师", "会计师", "高级会计师", "正高级会计师");
            case ECONOMICS -> byLevel(level, "经济员", "助理经济师", "经济师", "高级经济师", "正高级经济师");
            case AGRICULTURE -> {
                String line = s.contains("兽医") ? "兽医师" : s.contains("畜牧") ? "畜牧师" : "农艺师";
                yield byLevel(level, "农业技术员", "助理" + line, line, "高级" + line, "正高级" + line);
            }
            case ARTS_AND_CRAFTS -> byLevel(level, "工艺美术员", "助理工艺美术师", "工艺美术师", "高级工艺美术师", "正高级工艺美术师");
        };
        return name != null ? name : series.label() + "系列" + level.label();
    }

    /** 卫生系列: 医疗类 医士 医师 主治医师 副主任医师 主任医师; 药学、护理、技术类 X士 X师 主管X师 副主任X师 主任X师. */
    private static String health(Level level, String specialty) {
        String kind = specialty.contains("护") ? "护" : specialty.contains("药") ? "药"
                : TECHNICIAN_LINE.matcher(specialty).find() ? "技" : "医";
        return byLevel(level, kind + "士", kind + "师", ("医".equals(kind) ? "主治" : "主管") + kind + "师",
                "副主任" + kind + "师", "主任" + kind + "师");
    }

    private static String byLevel(Level level, String member, String assistant, String intermediate,
                                  String associateSenior, String senior) {
        return switch (level) {
            case MEMBER -> member;
            case ASSISTANT -> assistant;
            case INTERMEDIATE -> intermediate;
            case ASSOCIATE_SENIOR -> associateSenior;
            case SENIOR -> senior;
            case NONE -> null;
        };
    }
}
