package cn.chifeng.title.employer;

import static cn.chifeng.title.process.EmployerRegistrationProcess.Vars;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.CreditCode;
import cn.chifeng.title.code.EmployerLevel;
import cn.chifeng.title.code.EmployerType;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.EmployerRegister;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.process.EmployerRegistrationProcess;
import cn.chifeng.title.security.RunAs;

/**
 * A unit's registration as its clerk submits it on the portal: every field checked (the 统一社会信用代码 by its check
 * character, GB 32100-2015), then recorded as pending and handed to its reviewer — the county HR bureau, or for a
 * city-level unit its city department — as the task 单位注册审核 of process {@code EmployerRegistration}.
 */
@Service
public class EmployerRegistrations {
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    static final Pattern PERSON = Pattern.compile("[\\p{IsHan}·A-Za-z ]{2,50}");
    /** The group of a registered unit's reviewers: {@code unit-} and the code in lower case (engine id rule). */
    static final String GROUP_PREFIX = "unit-";

    private final EmployerRegister register;
    private final OrganisationDirectory organisations;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    EmployerRegistrations(EmployerRegister register, OrganisationDirectory organisations, RuntimeService runtime,
                          IdentityService identity, Clock clock) {
        this.register = register;
        this.organisations = organisations;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /** What a clerk types on the registration page. */
    public record Form(String name, String code, String type, String level, String county, String competentDepartment,
                       String clerkName, String clerkPhone, String clerkEmail) {
    }

    /** The unit types a clerk may register (a freelancer is no unit). */
    public static List<EmployerType> types() {
        return java.util.Arrays.stream(EmployerType.values()).filter(t -> t != EmployerType.FREELANCER).toList();
    }

    /** The competent departments to choose from, by where they sit (市本级 first, then each county). */
    public Map<String, List<Body>> departmentsByPlace() {
        Map<String, List<Body>> byPlace = new LinkedHashMap<>();
        for (Body b : organisations.competentDepartments()) {
            String place = b.county() == null ? "市本级" : organisations.county(b.county()).orElseThrow().name();
            byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(b);
        }
        return byPlace;
    }

    /**
     * Checks and records a registration and starts its review; 400 naming every wrong field, 409 when the unit is
     * registered or its registration is under review.
     */
    @Transactional
    public EmployerRegister.Registration register(Form f) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = text(errors, "name", f.name(), "单位名称", 100);
        String code = f.code() == null ? null : f.code().trim().toUpperCase(Locale.ROOT);
        String codeProblem = CreditCode.problem(code);
        if (codeProblem != null) {
            errors.add(new ApiException.FieldError("code", codeProblem));
        }
        EmployerType type = choice(errors, "type", f.type(), EmployerType.class, "单位性质");
        if (type == EmployerType.FREELANCER) {
            errors.add(new ApiException.FieldError("type", "自由职业者无须注册单位，请直接申报"));
        }
        EmployerLevel level = choice(errors, "level", f.level(), EmployerLevel.class, "单位层级");
        String county = f.county() == null || organisations.county(f.county()).isEmpty() ? null : f.county();
        if (county == null) {
            errors.add(new ApiException.FieldError("county", "请选择单位所在旗县区"));
        }
        String department = f.competentDepartment();
        if (department == null || organisations.competentDepartments().stream().noneMatch(b -> b.id().equals(department))) {
            errors.add(new ApiException.FieldError("competentDepartment", "请选择主管部门"));
        } else if (level != null && county != null && organisations.competentDepartments(level.name(), county)
                .stream().noneMatch(b -> b.id().equals(department))) {
            errors.add(new ApiException.FieldError("competentDepartment", level == EmployerLevel.CITY
                    ? "市本级单位的主管部门应为市级部门" : "主管部门应为单位所在旗县区的部门"));
        }
        String clerkName = text(errors, "clerkName", f.clerkName(), "经办人姓名", 50);
        if (clerkName != null && !PERSON.matcher(clerkName).matches()) {
            errors.add(new ApiException.FieldError("clerkName", "姓名应为2至50个汉字或字母（少数民族姓名可用“·”）"));
        }
        String phone = f.clerkPhone() == null ? null : f.clerkPhone().trim();
        if (phone == null || !PHONE.matcher(phone).matches()) {
            errors.add(new ApiException.FieldError("clerkPhone", "请填写11位手机号码"));
        }
        String email = f.clerkEmail() == null ? null : f.clerkEmail().trim().toLowerCase(Locale.ROOT);
        if (email == null || !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldError("clerkEmail", "请填写有效的电子邮箱，用于接收审核结果和账号"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (organisations.employer(code).isPresent()) {
            throw ApiException.conflict("EMPLOYER_REGISTERED", "该单位已登记为用人单位，无须重复注册");
        }
        Body reviewer = organisations.registrationReviewer(level.name(), county, department).orElseThrow(
                () -> new IllegalStateException("没有审核单位注册的机构: " + level + " " + county + " " + department));
        EmployerRegister.Application a = new EmployerRegister.Application(code, GROUP_PREFIX + code.toLowerCase(Locale.ROOT),
                name, type.name(), level.name(), county, department, reviewer.id(), clerkName, phone, email);
        long id = register.savePending(a, Zones.now(clock)).orElseThrow(() -> ApiException.conflict(
                "EMPLOYER_PENDING", "该单位的注册申请正在审核中，请等待" + organisations.groupName(
                        register.byCode(code).map(EmployerRegister.Registration::reviewerGroup).orElse(reviewer.id()))
                        + "的审核结果"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Vars.REGISTRATION_ID, id);
        variables.put(Vars.REVIEWER_GROUP, reviewer.id());
        variables.put(Vars.EMPLOYER_NAME, name);
        variables.put(Vars.CREDIT_CODE, code);
        variables.put(Vars.EMPLOYER_TYPE_LABEL, type.label());
        variables.put(Vars.EMPLOYER_LEVEL_LABEL, level.label());
        variables.put(Vars.COUNTY_NAME, organisations.county(county).orElseThrow().name());
        variables.put(Vars.COMPETENT_DEPARTMENT_NAME, organisations.groupName(department));
        variables.put(Vars.CLERK_NAME, clerkName);
        variables.put(Vars.CLERK_PHONE, phone);
        variables.put(Vars.CLERK_EMAIL, email);
        // the portal's visitor is nobody to the engine: the product starts the review as the system
        var instance = RunAs.system(identity, () -> runtime.startProcessInstanceByKey(EmployerRegistrationProcess.KEY,
                code, variables));
        register.processStarted(id, instance.getId());
        return register.find(id).orElseThrow();
    }

    private static String text(List<ApiException.FieldError> errors, String field, String value, String what, int max) {
        String problem = Texts.problem(value, what, max, true);
        if (problem != null) {
            errors.add(new ApiException.FieldError(field, problem));
            return null;
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E choice(List<ApiException.FieldError> errors, String field, String value,
                                                Class<E> type, String what) {
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(value)) {
                return c;
            }
        }
        errors.add(new ApiException.FieldError(field, "请选择" + what));
        return null;
    }
}
