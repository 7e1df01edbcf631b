package cn.chifeng.title.application;

import cn.chifeng.title.code.TalentProgram;

import cn.chifeng.title.code.ServicePlace;

import cn.chifeng.title.code.EvaluationType;

import cn.chifeng.title.code.EmployerLevel;

import cn.chifeng.title.code.EmployerType;

import cn.chifeng.title.code.Education;

import cn.chifeng.title.code.Level;

import cn.chifeng.title.code.Series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException.FieldError;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.organisation.OrganisationDirectory.Employer;

/** APP-8: checks every field of a dossier and reports each problem with the field name and a Chinese message. */
@Component
public class DossierValidator {
    private static final Set<Level> TARGETS = EnumSet.of(Level.ASSISTANT, Level.INTERMEDIATE, Level.ASSOCIATE_SENIOR,
            Level.SENIOR);
    private static final Set<BodyKind> DEPARTMENT_KINDS = EnumSet.of(BodyKind.COMPETENT_DEPT,
            BodyKind.COUNTY_EDUCATION, BodyKind.CITY_EDUCATION, BodyKind.COUNTY_HOUSING, BodyKind.CITY_HOUSING);

    private final OrganisationDirectory organisations;

    DossierValidator(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    /** @param today the day of submission in Asia/Shanghai; no date of the dossier may lie after it */
    public List<FieldError> validate(Dossier d, LocalDate today) {
        List<FieldError> e = new ArrayList<>();
        if (d.season() == null) {
            e.add(new FieldError("season", "必须填写评审年度"));
        }
        text(e, "name", d.name(), "姓名", 50);
        String idProblem = ResidentIdNumber.problem(d.idNumber());
        if (idProblem != null) {
            e.add(new FieldError("idNumber", idProblem));
        }
        if (d.phone() == null || !d.phone().matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
            e.add(new FieldError("phone", "请填写11位手机号码或带区号的固定电话"));
        }
        if (d.email() != null && !d.email().isBlank()
                && !d.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            e.add(new FieldError("email", "电子邮箱格式不正确"));
        }
        code(e, "series", d.series(), Series.class, "职称系列");
        text(e, "specialty", d.specialty(), "申报专业", 100);
        Level target = code(e, "targetLevel", d.targetLevel(), Level.class, "申报层级");
        if (target != null && !TARGETS.contains(target)) {
            e.add(new FieldError("targetLevel", "申报层级须为助理级、中级、副高级或正高级"));
            target = null;
        }
        Level current = d.currentLevel() == null ? Level.NONE
                : code(e, "currentLevel", d.currentLevel(), Level.class, "现有职称层级");
        if (current == Level.SENIOR) {
            e.add(new FieldError("currentLevel", "已具备正高级职称，无需申报"));
        } else if (target != null && current != null && current.ordinal() >= target.ordinal()) {
            e.add(new FieldError("targetLevel", "申报层级须高于现有职称层级（" + current.label() + "）"));
        }
        if (current != null && current != Level.NONE && d.currentTitleDate() == null) {
            e.add(new FieldError("currentTitleDate", "已有职称的，必须填写取得现有职称的日期"));
        }
        notFuture(e, "currentTitleDate", d.currentTitleDate(), today);
        code(e, "education", d.education(), Education.class, "学历");
        required(e, "graduationDate", d.graduationDate(), "毕业日期");
        notFuture(e, "graduationDate", d.graduationDate(), today);
        required(e, "workStartDate", d.workStartDate(), "参加专业技术工作日期");
        notFuture(e, "workStartDate", d.workStartDate(), today);
        notFuture(e, "regionWorkStartDate", d.regionWorkStartDate(), today);
        if (idProblem == null && d.idNumber() != null) {
            LocalDate birth = LocalDate.parse(d.idNumber().substring(6, 10) + "-" + d.idNumber().substring(10, 12)
                    + "-" + d.idNumber().substring(12, 14));
            before(e, "graduationDate", birth, d.graduationDate(), "毕业日期不能早于出生日期");
            before(e, "workStartDate", birth, d.workStartDate(), "参加工作日期不能早于出生日期");
            before(e, "currentTitleDate", birth, d.currentTitleDate(), "取得现有职称日期不能早于出生日期");
        }
        text(e, "employerName", d.employerName(), "工作单位名称", 200);
        EmployerType type = code(e, "employerType", d.employerType(), EmployerType.class, "单位性质");
        EmployerLevel level = d.employerLevel() == null && type == EmployerType.FREELANCER ? EmployerLevel.COUNTY
                : code(e, "employerLevel", d.employerLevel(), EmployerLevel.class, "单位层级");
        if (d.county() == null || d.county().isBlank()) {
            e.add(new FieldError("county", "必须填写工作单位（自由职业者为执业地）所在旗县区"));
        } else if (organisations.county(d.county()).isEmpty()) {
            e.add(new FieldError("county", "旗县区代码无效，可选值见 /api/reference"));
        }
        employer(e, d, type, level);
        department(e, d);
        if (d.evaluationType() != null) {
            code(e, "evaluationType", d.evaluationType(), EvaluationType.class, "评价类型");
        }
        if (d.talentProgram() != null) {
            code(e, "talentProgram", d.talentProgram(), TalentProgram.class, "人才培养项目");
        }
        if (d.serviceHistory() != null) {
            for (int i = 0; i < d.serviceHistory().size(); i++) {
                Dossier.ServicePeriod p = d.serviceHistory().get(i);
                String f = "serviceHistory[" + i + "]";
                if (p == null || p.from() == null) {
                    e.add(new FieldError(f + ".from", "必须填写起始日期"));
                    continue;
                }
                notFuture(e, f + ".from", p.from(), today);
                before(e, f + ".to", p.from(), p.to(), "结束日期不能早于起始日期");
                code(e, f + ".place", p.place(), ServicePlace.class, "工作地点层级");
            }
        }
        before(e, "examValidUntil", d.examPassDate(), d.examValidUntil(), "考试成绩有效期不能早于通过日期");
        if (d.examPassDate() != null) {
            notFuture(e, "examPassDate", d.examPassDate(), today);
        }
        if (d.email() != null && d.email().length() > 100) {
            e.add(new FieldError("email", "电子邮箱不能超过100个字符"));
        }
        return e;
    }

    private void employer(List<FieldError> e, Dossier d, EmployerType type, EmployerLevel level) {
        if (type == EmployerType.FREELANCER) {
            if (d.employerCode() != null && !d.employerCode().isBlank()) {
                e.add(new FieldError("employerCode", "自由职业者无需填写统一社会信用代码"));
            }
            return;
        }
        String problem = CreditCode.problem(d.employerCode());
        if (problem != null) {
            e.add(new FieldError("employerCode", problem));
            return;
        }
        Employer registered = organisations.employer(d.employerCode()).orElse(null);
        if (registered == null) {
            e.add(new FieldError("employerCode", "用人单位尚未在系统中登记，请单位先向所在地人社部门登记"));
            return;
        }
        if (type != null && !registered.type().equals(type.name())) {
            e.add(new FieldError("employerType", "与单位登记的单位性质（"
                    + EmployerType.valueOf(registered.type()).label() + "）不一致"));
        }
        if (level != null && !registered.level().equals(level.name())) {
            e.add(new FieldError("employerLevel", "与单位登记的单位层级（"
                    + EmployerLevel.valueOf(registered.level()).label() + "）不一致"));
        }
        if (d.county() != null && !registered.county().equals(d.county())) {
            e.add(new FieldError("county", "与单位登记的所在旗县区不一致"));
        }
    }

    private void department(List<FieldError> e, Dossier d) {
        if (d.competentDepartment() == null || d.competentDepartment().isBlank()) {
            e.add(new FieldError("competentDepartment", "必须填写主管部门（行业主管部门）"));
            return;
        }
        Body dept = organisations.body(d.competentDepartment()).orElse(null);
        if (dept == null || !DEPARTMENT_KINDS.contains(dept.kind())) {
            e.add(new FieldError("competentDepartment", "主管部门代码无效，可选值见 /api/reference"));
        } else if (dept.county() != null && d.county() != null && !dept.county().equals(d.county())) {
            e.add(new FieldError("competentDepartment", "旗县区主管部门须与所在旗县区一致"));
        }
    }

    private static void text(List<FieldError> e, String field, String value, String what, int max) {
        String problem = cn.chifeng.title.common.Texts.problem(value, what, max, true);
        if (problem != null) {
            e.add(new FieldError(field, problem));
        }
    }

    private static void required(List<FieldError> e, String field, Object value, String what) {
        if (value == null) {
            e.add(new FieldError(field, "必须填写" + what + "（YYYY-MM-DD）"));
        }
    }

    /** No date of a dossier lies before this: 0001-01-01 and the like are typing errors, not history. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static void notFuture(List<FieldError> e, String field, LocalDate value, LocalDate today) {
        if (value != null && value.isBefore(EARLIEST)) {
            e.add(new FieldError(field, "日期无效：不能早于 " + EARLIEST));
        } else if (value != null && value.isAfter(today)) {
            e.add(new FieldError(field, "日期不能晚于今天（" + today + "）"));
        }
    }

    private static void before(List<FieldError> e, String field, LocalDate earlier, LocalDate later, String message) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            e.add(new FieldError(field, message));
        }
    }

    private static <E extends Enum<E>> E code(List<FieldError> e, String field, String value, Class<E> type,
                                              String what) {
        if (value == null || value.isBlank()) {
            e.add(new FieldError(field, "必须填写" + what));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException ex) {
            e.add(new FieldError(field, what + "代码无效：" + value + "，可选值见 /api/reference"));
            return null;
        }
    }
}
