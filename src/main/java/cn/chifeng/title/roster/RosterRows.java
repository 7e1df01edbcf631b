package cn.chifeng.title.roster;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.QualifyingYears;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.EvaluationType;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.Labelled;

/**
 * The one row builder of every roster (ROS-1 花名册 and ROS-3 卫生系统用表 take their values from here, so that the
 * same item reads the same in both, as 通知 三(二)3 asks), the field names a template may use, and the roster order:
 * series in their code order, then specialty, then name, then application id.
 */
final class RosterRows {
    /** The running number (序号), filled by the sheet. */
    static final String ROW_NUMBER = "rowNumber";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    /**
     * What a row is made of: the register's record, its dossier, the season's qualification cutoff for its series,
     * its eligibility channel label (null when none was decided) and the names of its county and competent
     * department.
     */
    record Source(ApplicationRecord application, Dossier dossier, LocalDate cutoff, String channel,
                  String countyName, String departmentName) {
    }

    static final Map<String, Function<Source, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(ROW_NUMBER, s -> null);
        FIELDS.put("applicationId", s -> s.application().id());
        FIELDS.put("name", s -> s.application().applicantName());
        // 18位身份证号: 第17位奇数为男、偶数为女; 第7–14位出生日期
        FIELDS.put("gender", s -> ResidentIdNumber.isMale(s.application().idNumber()) ? "男" : "女");
        FIELDS.put("birthMonth", s -> MONTH.format(ResidentIdNumber.birthDate(s.application().idNumber())));
        FIELDS.put("idNumber", s -> s.application().idNumber());
        FIELDS.put("phone", s -> s.dossier().phone());
        FIELDS.put("employerName", s -> s.application().employerName());
        FIELDS.put("employerCode", s -> s.application().employerCode());
        FIELDS.put("county", Source::countyName);
        FIELDS.put("competentDepartment", Source::departmentName);
        FIELDS.put("currentLevel", s -> label(Level.class, s.dossier().currentLevel()));
        FIELDS.put("currentTitleDate", s -> month(s.dossier().currentTitleDate()));
        FIELDS.put("series", s -> label(Series.class, s.application().series()));
        FIELDS.put("specialty", s -> s.dossier().specialty());
        FIELDS.put("targetLevel", s -> label(Level.class, s.application().targetLevel()));
        FIELDS.put("evaluationType", s -> label(EvaluationType.class, s.dossier().evaluationType()));
        FIELDS.put("education", s -> label(Education.class, s.dossier().education()));
        FIELDS.put("graduationDate", s -> month(s.dossier().graduationDate()));
        FIELDS.put("workStartDate", s -> month(s.dossier().workStartDate()));
        // 满N年 as of the season's cutoff: the product's one rule (SEA-4)
        FIELDS.put("workYears", s -> s.dossier().workStartDate() == null ? null
                : QualifyingYears.fullYears(s.dossier().workStartDate(), s.cutoff()));
        FIELDS.put("titleYears", s -> s.dossier().currentTitleDate() == null ? null
                : QualifyingYears.fullYears(s.dossier().currentTitleDate(), s.cutoff()));
        FIELDS.put("channel", Source::channel);
        FIELDS.put("status", s -> s.application().status().label());
        FIELDS.put("statusReason", s -> s.application().statusReason());
        FIELDS.put("remark", s -> null);
    }

    static Set<String> fieldNames() {
        return FIELDS.keySet();
    }

    private RosterRows() {
    }

    /** Every field of the row, by name; text or a whole number, null when empty. */
    static Map<String, Object> row(Source s) {
        Map<String, Object> row = new LinkedHashMap<>();
        FIELDS.forEach((name, value) -> row.put(name, value.apply(s)));
        return row;
    }

    /** 表内各系列应分别归类，同一系列下不同专业应按专业分类分别集中 (通知 三(二)3), then by name, then by id. */
    static final Comparator<Source> ORDER = Comparator
            .comparingInt((Source s) -> seriesOrder(s.application().series()))
            .thenComparing(s -> nonNull(s.dossier().specialty()), CHINESE)
            .thenComparing(s -> nonNull(s.application().applicantName()), CHINESE)
            .thenComparing(s -> s.application().id());

    static int seriesOrder(String series) {
        try {
            return Series.valueOf(series).ordinal();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }

    private static String month(LocalDate d) {
        return d == null ? null : MONTH.format(d);
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> codes, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(codes, code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
