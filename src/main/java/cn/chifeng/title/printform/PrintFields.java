package cn.chifeng.title.printform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossier.ServicePeriod;
import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.EmployerLevel;
import cn.chifeng.title.code.EmployerType;
import cn.chifeng.title.code.EvaluationType;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.code.ServicePlace;
import cn.chifeng.title.code.TalentProgram;
import cn.chifeng.title.common.Labelled;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * The field names a template ({@code print-forms.yaml}) may use, and what each prints: a field of the application
 * (a row), of one period of service or of one review decision (a column of the tables {@value #SERVICE_HISTORY} and
 * {@value #REVIEW_TRAIL}). Codes print as their Chinese labels, dates as 2025年6月10日.
 */
final class PrintFields {
    static final String SERVICE_HISTORY = "serviceHistory";
    static final String REVIEW_TRAIL = "reviewTrail";
    static final String EMPTY = "—";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    /** What a field of the application is read from. */
    record Source(ApplicationRecord application, Dossier dossier, OrganisationDirectory organisations) {
    }

    static final Map<String, Function<Source, String>> APPLICATION = new LinkedHashMap<>();
    static final Map<String, Function<ServicePeriod, String>> SERVICE_PERIOD = new LinkedHashMap<>();
    static final Map<String, Function<ReviewStep, String>> DECISION = new LinkedHashMap<>();

    static {
        application("applicationId", s -> s.application().id());
        application("season", s -> s.application().season() + "年度");
        application("status", s -> s.application().status().label());
        application("submittedAt", s -> day(s.application().submittedAt()));
        application("name", s -> s.application().applicantName());
        application("gender", s -> ResidentIdNumber.isMale(s.application().idNumber()) ? "男" : "女");
        application("birthMonth", s -> MONTH.format(ResidentIdNumber.birthDate(s.application().idNumber())));
        application("idNumber", s -> s.application().idNumber());
        application("phone", s -> s.dossier().phone());
        application("email", s -> s.dossier().email());
        application("series", s -> label(Series.class, s.dossier().series()));
        application("specialty", s -> s.dossier().specialty());
        application("targetLevel", s -> label(Level.class, s.dossier().targetLevel()));
        application("currentLevel", s -> label(Level.class, s.dossier().currentLevel()));
        application("currentTitleDate", s -> day(s.dossier().currentTitleDate()));
        application("education", s -> label(Education.class, s.dossier().education()));
        application("graduationDate", s -> day(s.dossier().graduationDate()));
        application("workStartDate", s -> day(s.dossier().workStartDate()));
        application("regionWorkStartDate", s -> day(s.dossier().regionWorkStartDate()));
        application("employerName", s -> s.application().employerName());
        application("employerCode", s -> s.dossier().employerCode());
        application("employerType", s -> label(EmployerType.class, s.dossier().employerType()));
        application("employerLevel", s -> label(EmployerLevel.class, s.dossier().employerLevel()));
        application("county", s -> s.organisations().county(s.dossier().county())
                .map(OrganisationDirectory.County::name).orElse(s.dossier().county()));
        application("competentDepartment", s -> s.dossier().competentDepartment() == null ? null
                : s.organisations().groupName(s.dossier().competentDepartment()));
        application("evaluationType", s -> label(EvaluationType.class, s.dossier().evaluationType()));
        application("talentProgram", s -> label(TalentProgram.class, s.dossier().talentProgram()));
        application("examPassDate", s -> day(s.dossier().examPassDate()));
        application("examValidUntil", s -> day(s.dossier().examValidUntil()));
        application("continuingEducationDone", s -> yesNo(s.dossier().continuingEducationDone()));
        application("assessmentPassed", s -> yesNo(s.dossier().assessmentPassed()));
        application("frontlineMedical", s -> yesNo(s.dossier().frontlineMedical()));
        application("greenChannelUsed", s -> yesNo(s.dossier().greenChannelUsed()));
        application("onInnovationLeave", s -> yesNo(s.dossier().onInnovationLeave()));

        SERVICE_PERIOD.put("from", p -> day(p.from()));
        SERVICE_PERIOD.put("to", p -> p.to() == null ? "至今" : day(p.to()));
        SERVICE_PERIOD.put("place", p -> label(ServicePlace.class, p.place()));

        DECISION.put("stage", ReviewStep::stageName);
        DECISION.put("body", s -> s.groupName() != null ? s.groupName() : s.groupId());
        DECISION.put("decision", ReviewStep::decisionLabel);
        DECISION.put("comment", ReviewStep::comment);
        DECISION.put("opinion", s -> s.comment() == null || s.comment().isBlank() ? s.decisionLabel()
                : s.decisionLabel() + "：" + s.comment());
        // 通知 三(二): 审验章 “内容属实、审核人：某某某、年月日”
        DECISION.put("attested", s -> s.attested() ? "是" : "否");
        DECISION.put("reviewer", ReviewStep::reviewer);
        DECISION.put("date", s -> day(s.decidedAt()));
    }

    /** The column names of each table a template may print. */
    static final Map<String, Set<String>> TABLES = Map.of(SERVICE_HISTORY, SERVICE_PERIOD.keySet(),
            REVIEW_TRAIL, DECISION.keySet());

    private PrintFields() {
    }

    private static void application(String name, Function<Source, String> value) {
        APPLICATION.put(name, value);
    }

    /** What a field marked {@code blind} prints instead of its value: an ID number masked, anything else nothing. */
    static String blind(String field, String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        return field.equals("idNumber") ? ResidentIdNumber.masked(value) : "（不显示）";
    }

    static String shown(String value) {
        return value == null || value.isBlank() ? EMPTY : value;
    }

    private static String day(LocalDate d) {
        return d == null ? null : DAY.format(d);
    }

    private static String day(OffsetDateTime t) {
        return t == null ? null : DAY.format(t.atZoneSameInstant(cn.chifeng.title.common.Zones.CHINA));
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "是" : "否";
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
