package cn.chifeng.title.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.account.Accounts;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.code.ServicePlace;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.process.ProfileVerificationProcess;
import cn.chifeng.title.process.ProfileVerificationProcess.Vars;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * The applicant's own profile (APP-1): every field checked (a message per field), then — when it is new or changed,
 * or was not verified — saved as a request to verify it and handed to the verifier as the task 个人信息核实 of
 * process {@code ProfileVerification}: the employer's group, for a freelancer the county's talent service centre. A
 * request still pending is replaced by the new one. The decision is recorded here and the applicant notified.
 */
@Service
public class ProfileService {
    public static final String FREELANCER = "FREELANCER";
    static final int REASON_LIMIT = 500;

    private final Profiles profiles;
    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final NotificationOutbox outbox;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String baseUrl;

    ProfileService(Profiles profiles, Accounts accounts, OrganisationDirectory organisations, RuntimeService runtime,
                   IdentityService identity, NotificationOutbox outbox, CurrentUser currentUser, Clock clock,
                   @Value("${title.portal.base-url}") String baseUrl) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.organisations = organisations;
        this.runtime = runtime;
        this.identity = identity;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a person enters; {@code employer} a 统一社会信用代码 of the directory or {@link #FREELANCER}. */
    public record Input(String education, LocalDate graduationDate, LocalDate workStartDate, String employer,
                        String county, List<Profile.Title> titles, List<Profile.WorkPeriod> work) {
    }

    /** What a save did: a verification was requested, or nothing had changed. */
    public record Saved(Profile profile, boolean verificationRequested) {
    }

    /** The caller's profile, if they saved one. */
    public Optional<Profile> own() {
        requireAccount();
        return profiles.find(currentUser.id());
    }

    /** Profiles waiting for verification by the given verifier groups (the caller's own: a unit clerk's figure). */
    public long pendingVerifications(java.util.Collection<String> verifierGroups) {
        return profiles.pendingFor(verifierGroups.stream().filter(currentUser::inGroup).toList());
    }

    /** A profile by user (for the product's own rules: the submission gate). */
    Optional<Profile> of(String userId) {
        return profiles.find(userId);
    }

    /**
     * Checks and saves the caller's profile: 400 naming every wrong field (names as the portal's form posts them:
     * {@code title0Level}, {@code work1From}…); a new or changed profile — or one not verified — goes to verification.
     */
    @Transactional
    public Saved save(Input in) {
        Accounts.Account account = requireAccount();
        Profile.Content c = checked(in);
        Optional<Profile> stored = profiles.find(account.userId());
        if (stored.isPresent() && stored.get().content().equals(c)
                && (stored.get().status() == Profile.Status.PENDING || stored.get().status() == Profile.Status.VERIFIED)) {
            return new Saved(stored.get(), false);
        }
        String verifier = verifierGroup(c);
        stored.map(Profile::processInstanceId).filter(id -> stored.get().status() == Profile.Status.PENDING)
                .ifPresent(id -> RunAs.system(identity, () -> {
                    if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                        runtime.deleteProcessInstance(id, "个人信息已修改，重新提交核实");
                    }
                    return null;
                }));
        int no = profiles.saveForVerification(account.userId(), c, verifier, Zones.now(clock));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(Vars.PROFILE_USER_ID, account.userId());
        v.put(Vars.VERIFICATION_NO, no);
        v.put(Vars.VERIFIER_GROUP, verifier);
        v.put(Vars.APPLICANT_NAME, account.name());
        v.put(Vars.ID_NUMBER, account.idNumber() == null ? "" : account.idNumber());
        v.put(Vars.EMPLOYER_NAME, employerName(c));
        v.put(Vars.EDUCATION_LABEL, Education.valueOf(c.education()).label());
        v.put(Vars.GRADUATION_DATE, c.graduationDate().toString());
        v.put(Vars.WORK_START_DATE, c.workStartDate().toString());
        v.put(Vars.TITLES_HELD, titlesText(c.titles()));
        v.put(Vars.WORK_HISTORY, workText(c.work()));
        // the portal's visitor is nobody to the engine: the product starts the verification as the system
        var instance = RunAs.system(identity, () -> runtime.startProcessInstanceByKey(ProfileVerificationProcess.KEY,
                account.userId(), v));
        profiles.processStarted(account.userId(), instance.getId());
        return new Saved(profiles.find(account.userId()).orElseThrow(), true);
    }

    /** 记录核实通过: request {@code no} of the user's profile is verified; the applicant is told. */
    public void verified(String userId, int no, String by) {
        if (profiles.decide(userId, no, true, null, by, Zones.now(clock))) {
            notifyApplicant("PROFILE_VERIFIED", userId, null);
        }
    }

    /** 记录不予核实: request {@code no} is rejected with the reason, which the applicant is sent. */
    public void rejected(String userId, int no, String by, String reason) {
        String problem = Texts.problem(reason, "不予核实的理由", REASON_LIMIT, true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (profiles.decide(userId, no, false, reason.trim(), by, Zones.now(clock))) {
            notifyApplicant("PROFILE_REJECTED", userId, reason.trim());
        }
    }

    /** Who verifies for a target: the employer's name, or the county's talent service centre. */
    public String verifierName(String employerCode, String county) {
        if (employerCode != null) {
            return organisations.employer(employerCode).map(OrganisationDirectory.Employer::name).orElse(employerCode);
        }
        return organisations.countyBody(county, BodyKind.TALENT_CENTRE).map(OrganisationDirectory.Body::name)
                .orElse("所在旗县区人才服务中心");
    }

    private void notifyApplicant(String event, String userId, String reason) {
        Accounts.Account a = accounts.find(userId).orElse(null);
        Profile p = profiles.find(userId).orElseThrow();
        Map<String, String> values = new HashMap<>();
        values.put("applicantName", a == null ? userId : a.name());
        values.put("verifierName", verifierName(p.employerCode(), p.county()));
        values.put("link", baseUrl + "/portal/profile");
        if (reason != null) {
            values.put("reason", reason);
        }
        outbox.enqueue(event, null, userId, a == null ? null : a.email(), values);
    }

    private Accounts.Account requireAccount() {
        if (!currentUser.isApplicant()) {
            throw ApiException.forbidden("只有申报人填写个人信息");
        }
        return accounts.find(currentUser.id()).orElseThrow(() -> ApiException.forbidden(
                "个人信息须使用在门户注册的申报人账号填写"));
    }

    private String verifierGroup(Profile.Content c) {
        if (c.employerCode() != null) {
            return organisations.employer(c.employerCode()).orElseThrow().group();
        }
        return organisations.countyBody(c.county(), BodyKind.TALENT_CENTRE).orElseThrow(() ->
                ApiException.invalid("county", "该旗县区没有人才服务中心，请联系所在旗县区人社局")).id();
    }

    private String employerName(Profile.Content c) {
        return c.employerCode() != null ? verifierName(c.employerCode(), null)
                : "自由职业（" + organisations.county(c.county()).map(OrganisationDirectory.County::name).orElse(c.county())
                + "）";
    }

    private Profile.Content checked(Input in) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        LocalDate today = Zones.now(clock).toLocalDate();
        String education = choice(errors, "education", in.education(), Education.class, "请选择最高学历");
        date(errors, "graduationDate", in.graduationDate(), "毕业时间", today, true);
        date(errors, "workStartDate", in.workStartDate(), "参加工作时间", today, true);
        String employerCode = null;
        String county = blank(in.county());
        if (blank(in.employer()) == null) {
            errors.add(new ApiException.FieldError("employer", "请选择工作单位（自由职业者选“自由职业”）"));
        } else if (FREELANCER.equals(in.employer())) {
            if (county == null || organisations.county(county).isEmpty()) {
                errors.add(new ApiException.FieldError("county", "自由职业者请选择所在旗县区（由其人才服务中心核实）"));
            }
        } else {
            var e = organisations.employer(in.employer()).orElse(null);
            if (e == null) {
                errors.add(new ApiException.FieldError("employer", "所选单位未注册或未通过审核，请重新选择"));
            } else {
                employerCode = e.code();
                county = e.county();
            }
        }
        List<Profile.Title> titles = new ArrayList<>();
        for (int i = 0; i < in.titles().size(); i++) {
            Profile.Title t = in.titles().get(i);
            String f = "title" + i;
            String level = choice(errors, f + "Level", t.level(), Level.class, "请选择职称级别");
            if (Level.NONE.name().equals(level)) {
                errors.add(new ApiException.FieldError(f + "Level", "请选择职称级别"));
            }
            String series = choice(errors, f + "Series", t.series(), Series.class, "请选择职称系列");
            date(errors, f + "Date", t.obtainedOn(), "取得时间", today, true);
            String cert = text(errors, f + "Certificate", t.certificateNo(), "证书编号", 50, true);
            titles.add(new Profile.Title(level, series, t.obtainedOn(), cert));
        }
        List<Profile.WorkPeriod> work = new ArrayList<>();
        for (int i = 0; i < in.work().size(); i++) {
            Profile.WorkPeriod w = in.work().get(i);
            String f = "work" + i;
            date(errors, f + "From", w.from(), "起始日期", today, true);
            date(errors, f + "To", w.to(), "截止日期", today, false);
            if (w.from() != null && w.to() != null && w.to().isBefore(w.from())) {
                errors.add(new ApiException.FieldError(f + "To", "截止日期不能早于起始日期"));
            }
            String organisation = text(errors, f + "Organisation", w.organisation(), "工作单位或服务地点", 200, true);
            String post = text(errors, f + "Post", w.post(), "岗位或职务", 100, false);
            String place = blank(w.place()) == null ? null
                    : choice(errors, f + "Place", w.place(), ServicePlace.class, "请选择服务地点类别");
            work.add(new Profile.WorkPeriod(w.from(), w.to(), organisation, post, place));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Profile.Content(education, in.graduationDate(), in.workStartDate(), employerCode, county,
                List.copyOf(titles), List.copyOf(work));
    }

    static String titlesText(List<Profile.Title> titles) {
        if (titles.isEmpty()) {
            return "（无）";
        }
        return titles.stream().map(t -> Series.valueOf(t.series()).label() + Level.valueOf(t.level()).label()
                + "，" + t.obtainedOn() + " 取得，证书编号 " + t.certificateNo()).collect(Collectors.joining("\n"));
    }

    static String workText(List<Profile.WorkPeriod> work) {
        if (work.isEmpty()) {
            return "（无）";
        }
        return work.stream().map(w -> w.from() + " 至 " + (w.to() == null ? "今" : w.to()) + "　" + w.organisation()
                + (w.post() == null ? "" : "　" + w.post())
                + (w.place() == null ? "" : "（" + ServicePlace.valueOf(w.place()).label() + "）"))
                .collect(Collectors.joining("\n"));
    }

    private static void date(List<ApiException.FieldError> errors, String field, LocalDate d, String what,
                             LocalDate today, boolean required) {
        if (d == null) {
            if (required) {
                errors.add(new ApiException.FieldError(field, "请填写" + what));
            }
        } else if (d.isAfter(today)) {
            errors.add(new ApiException.FieldError(field, what + "不能晚于今天"));
        } else if (d.getYear() < 1940) {
            errors.add(new ApiException.FieldError(field, what + "不能早于1940年"));
        }
    }

    private static String text(List<ApiException.FieldError> errors, String field, String value, String what, int max,
                               boolean required) {
        if (!required && (value == null || value.isEmpty())) {
            return null;
        }
        String problem = Texts.problem(value, what, max, required);
        if (problem != null) {
            errors.add(new ApiException.FieldError(field, problem));
            return null;
        }
        return value.trim();
    }

    private static <E extends Enum<E>> String choice(List<ApiException.FieldError> errors, String field, String value,
                                                     Class<E> type, String message) {
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(value)) {
                return c.name();
            }
        }
        errors.add(new ApiException.FieldError(field, message));
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
