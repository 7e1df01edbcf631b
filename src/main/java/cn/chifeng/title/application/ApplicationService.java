package cn.chifeng.title.application;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import cn.chifeng.title.code.Series;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.ReviewDecision;
import cn.chifeng.title.application.ReviewTrail;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.process.Stage;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/** Submitting, reading, resubmitting and withdrawing applications; each step runs in one transaction with the engine. */
@Service
public class ApplicationService {
    private final ApplicationRepository applications;
    private final DossierValidator validator;
    private final Dossiers dossiers;
    private final SeasonService seasons;
    private final RuntimeService runtime;
    private final cn.chifeng.title.security.EngineIdentity engineIdentity;
    private final CurrentUser currentUser;
    private final ReviewTrail trail;
    private final OrganisationDirectory organisations;
    private final Clock clock;
    private final List<ProcessStartVariables> startVariables;
    private final List<SubmissionCheck> submissionChecks;
    private final List<ResubmissionCheck> resubmissionChecks;

    ApplicationService(ApplicationRepository applications, DossierValidator validator, Dossiers dossiers,
                       SeasonService seasons, RuntimeService runtime, cn.chifeng.title.security.EngineIdentity engineIdentity,
                       CurrentUser currentUser, ReviewTrail trail, OrganisationDirectory organisations,
                       Clock clock, List<ProcessStartVariables> startVariables,
                       List<SubmissionCheck> submissionChecks, List<ResubmissionCheck> resubmissionChecks) {
        this.submissionChecks = submissionChecks;
        this.resubmissionChecks = resubmissionChecks;
        this.clock = clock;
        this.startVariables = startVariables;
        this.applications = applications;
        this.validator = validator;
        this.dossiers = dossiers;
        this.seasons = seasons;
        this.runtime = runtime;
        this.engineIdentity = engineIdentity;
        this.currentUser = currentUser;
        this.trail = trail;
        this.organisations = organisations;
    }

    /** Submits a dossier in one step: 400 for bad input, 422 for a closed window, 409 for a duplicate (APP-2, APP-3). */
    @Transactional
    public ApplicationRecord submit(Dossier input) {
        Checked c = checked(input);
        requireWindowOpen(c);
        requireUnique(c.dossier(), null);
        requirePassing(null, c.dossier());
        String id = freshId(c.dossier().season());
        ApplicationRecord record = record(id, c.dossier(), ApplicationStatus.IN_REVIEW, Zones.now(clock));
        try {
            applications.insert(record, personLevelKey(c.dossier()));
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        return start(id, c);
    }

    /**
     * Saves a draft (new when {@code id} is null): the dossier is checked as for a submission, so the person sees
     * every field message and the duplicate rules before uploading; materials can then be uploaded to it; it counts
     * for nothing and no reviewer sees it until it is submitted.
     */
    @Transactional
    public ApplicationRecord saveDraft(String id, Dossier input) {
        Checked c = checked(input);
        requireWindowOpen(c);
        requireUnique(c.dossier(), id);
        if (id == null) {
            String fresh = freshId(c.dossier().season());
            applications.insert(record(fresh, c.dossier(), ApplicationStatus.DRAFT, Zones.now(clock)), null);
            return applications.find(fresh).orElseThrow();
        }
        ApplicationRecord a = ownApplication(id);
        if (a.status() != ApplicationStatus.DRAFT) {
            throw ApiException.conflict("NOT_DRAFT", "申报已提交（" + a.status().label() + "），不能再按草稿修改");
        }
        if (a.season() != c.dossier().season()) {
            throw ApiException.invalid("season", "草稿的申报年度不能更改");
        }
        applications.updateDraft(id, record(id, c.dossier(), ApplicationStatus.DRAFT, a.submittedAt()));
        return applications.find(id).orElseThrow();
    }

    /** Submits a draft: its dossier checked again (rules may have changed), then the required materials (APP-6). */
    @Transactional
    public ApplicationRecord submitDraft(String id) {
        ApplicationRecord a = ownApplication(id);
        if (a.status() != ApplicationStatus.DRAFT) {
            throw ApiException.conflict("NOT_DRAFT", "申报已提交（" + a.status().label() + "）");
        }
        Checked c = checked(dossiers.parse(a.dossierJson()));
        requireWindowOpen(c);
        requireUnique(c.dossier(), id);
        requirePassing(a, c.dossier());
        try {
            applications.submitDraft(id, personLevelKey(c.dossier()), Zones.now(clock));
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        return start(id, c);
    }

    /** A dossier as submitted by its applicant (or an administrator on their behalf), checked field by field. */
    private record Checked(Dossier dossier, Season season, Season forSeries) {
    }

    private Checked checked(Dossier input) {
        String caller = currentUser.id();
        String applicant = caller;
        if (currentUser.isAdmin() && input.applicantUserId() != null) {
            // an administrator submits on an applicant's behalf, naming an applicant account
            if (!engineIdentity.isApplicant(input.applicantUserId())) {
                throw ApiException.invalid("applicantUserId", "申报人账号不存在");
            }
            applicant = input.applicantUserId();
        } else if (!currentUser.isApplicant()) {
            throw ApiException.forbidden(currentUser.isAdmin() ? "系统管理员代为申报须在 applicantUserId 中写明申报人账号"
                    : "只有申报人可以提交申报（审核人员本人申报请使用申报人账号）");
        } else if (input.applicantUserId() != null && !input.applicantUserId().equals(caller)) {
            throw ApiException.invalid("applicantUserId", "只有系统管理员可以代申报人提交");
        }
        Dossier d = input.withApplicant(applicant);
        var errors = validator.validate(d, seasons.today());
        Season season = d.season() == null ? null : seasons.find(d.season()).orElse(null);
        if (d.season() != null && season == null) {
            errors.add(0, new ApiException.FieldError("season", d.season() + " 年度未配置，不能申报"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Season forSeries = season.forSeries(d.series());
        if (d.currentTitleDate() != null && d.currentTitleDate().isAfter(forSeries.qualificationCutoff())) {
            throw ApiException.invalid("currentTitleDate", "取得现有职称日期不能晚于资格审查截止日（"
                    + forSeries.qualificationCutoff() + "）");
        }
        return new Checked(d, season, forSeries);
    }

    private void requireWindowOpen(Checked c) {
        var today = seasons.today();
        Season forSeries = c.forSeries();
        if (!forSeries.applicationWindowContains(today)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "APPLICATION_WINDOW_CLOSED",
                    today.isAfter(forSeries.applicationClose())
                            ? c.dossier().season() + " 年度个人申报已于 " + forSeries.applicationClose() + " 截止，不再受理"
                            : c.dossier().season() + " 年度个人申报自 " + forSeries.applicationOpen() + " 开始，尚未开放");
        }
    }

    /** APP-2 (one series per level per person per season) and APP-3 (one channel per employer), ignoring {@code self}. */
    private void requireUnique(Dossier d, String self) {
        String idNumber = d.idNumber().toUpperCase(Locale.ROOT);
        applications.countedForPerson(d.season(), idNumber, d.targetLevel()).stream()
                .filter(other -> !other.id().equals(self)).findFirst().ifPresent(other -> {
                    throw ApiException.conflict("DUPLICATE_APPLICATION", "同一年度一个层级只能申报一个系列：已有申报 "
                            + other.id() + "（" + Series.valueOf(other.series()).label() + "，" + other.status().label()
                            + "）");
                });
        String channel = d.county() + "/" + d.competentDepartment();
        if (d.employerCode() != null) {
            for (ApplicationRecord other : applications.countedForEmployer(d.season(), d.employerCode())) {
                if (!other.channel().equals(channel)) {
                    throw ApiException.conflict("SECOND_CHANNEL", "申报单位同一年度只能通过一个申报渠道申报：本单位已经由"
                            + organisations.groupName(other.channel().substring(other.channel().indexOf('/') + 1))
                            + "申报（" + other.id() + "），不得多头申报");
                }
            }
        }
    }

    /** The submission rules of other modules (required materials…): 422 with every reason. */
    private void requirePassing(ApplicationRecord draft, Dossier d) {
        List<String> problems = submissionChecks.stream().flatMap(c -> c.problems(draft, d).stream()).toList();
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "MATERIALS_MISSING", String.join("；", problems));
        }
    }

    private ApplicationRecord record(String id, Dossier d, ApplicationStatus status, OffsetDateTime at) {
        String idNumber = d.idNumber().toUpperCase(Locale.ROOT);
        return new ApplicationRecord(id, d.season(), d.applicantUserId(), d.name().trim(), idNumber, d.series(),
                d.targetLevel(), d.employerCode(), d.employerName().trim(), d.county(),
                d.county() + "/" + d.competentDepartment(), status, null, List.of(), List.of(), null,
                dossiers.write(d), at, Zones.now(clock), null);
    }

    private static String personLevelKey(Dossier d) {
        return ApplicationRepository.personLevelKey(d.season(), d.idNumber().toUpperCase(Locale.ROOT), d.targetLevel());
    }

    private static ApiException duplicate(DuplicateKeyException e) {
        if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("ux_application_person_level")) {
            return ApiException.conflict("DUPLICATE_APPLICATION", "同一年度一个层级只能申报一个系列：该申报人已有申报");
        }
        // two nodes drew the same id at the same moment: nothing was stored, the applicant simply submits again
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "系统繁忙，申报未保存，请重新提交");
    }

    private ApplicationRecord start(String id, Checked c) {
        Map<String, Object> variables = startVariables(id, c.dossier(), c.forSeries());
        for (ProcessStartVariables contributor : startVariables) {
            variables.putAll(contributor.variables(c.dossier(), c.season(), seasons.today()));
        }
        var instance = runtime.startProcessInstanceByKey(TitleApplicationProcess.KEY, id, variables);
        applications.setProcessInstance(id, instance.getId());
        return applications.find(id).orElseThrow();
    }

    /** A new application id no application has: drawn again in the (unlikely) case it is taken. */
    String freshId(int season) {
        return cn.chifeng.title.common.Ids.unused(() -> idSource.apply("CF" + season + "-"),
                id -> applications.find(id).isPresent());
    }

    /** Where new ids come from (a test may draw a taken one first). */
    java.util.function.Function<String, String> idSource = cn.chifeng.title.common.Ids::next;

    private Map<String, Object> startVariables(String id, Dossier d, Season season) {
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.APPLICATION_ID, id);
        v.put(TitleApplicationProcess.Vars.APPLICANT_USER_ID, d.applicantUserId());
        v.put(TitleApplicationProcess.Vars.APPLICANT_NAME, d.name().trim());
        v.put(TitleApplicationProcess.Vars.SEASON, d.season());
        v.put(TitleApplicationProcess.Vars.SERIES, d.series());
        v.put("seriesLabel", d.seriesCode().label());
        v.put("specialty", d.specialty());
        v.put(TitleApplicationProcess.Vars.TARGET_LEVEL, d.targetLevel());
        v.put("targetLevelLabel", d.target().label());
        v.put("currentLevel", d.current().name());
        v.put("education", d.education());
        v.put("employerName", d.employerName().trim());
        v.put(TitleApplicationProcess.Vars.EMPLOYER_TYPE, d.employerType());
        v.put(TitleApplicationProcess.Vars.EMPLOYER_LEVEL, d.employerLevel() == null ? "COUNTY" : d.employerLevel());
        v.put(TitleApplicationProcess.Vars.COUNTY, d.county());
        v.put("countyName", organisations.county(d.county()).map(OrganisationDirectory.County::name).orElse(""));
        v.put(TitleApplicationProcess.Vars.QUALIFICATION_CUTOFF, season.qualificationCutoff().toString());
        v.put(TitleApplicationProcess.Vars.REVIEW_CLOSE_DAY, season.reviewClose().toString());
        v.put(TitleApplicationProcess.Vars.EVALUATION_CLOSE_DAY, season.evaluationClose().toString());
        v.put("applicationLink", "/api/applications/" + id);
        v.put(TitleApplicationProcess.Vars.REVIEW_TRAIL, trail.formValue(id));
        return v;
    }

    public ApplicationRecord read(String id) {
        ApplicationRecord a = applications.find(id).orElseThrow(() -> ApiException.notFound("申报 " + id + " 不存在或无权查看"));
        if (!canSee(a)) {
            throw ApiException.notFound("申报 " + id + " 不存在或无权查看");
        }
        return a;
    }

    public List<cn.chifeng.title.application.ReviewStep> trail(String id) {
        return trail.of(id);
    }

    private boolean canSee(ApplicationRecord a) {
        return currentUser.isAdmin() || a.applicantUserId().equals(currentUser.id())
                || a.visibleTo().stream().anyMatch(currentUser::inGroup);
    }

    /**
     * Own applications and those routed through one of the caller's groups. Only organisations' groups are on a
     * route: the role groups (applicants, experts, supervisors) never are, and matching them would only turn an
     * applicant's indexed look-up of their own applications into a scan of the whole register.
     */
    public ApplicationRepository.Filter visibleFilter(Integer season, String status, String stage) {
        return new ApplicationRepository.Filter(season, status, stage, currentUser.isAdmin(), currentUser.id(),
                currentUser.groups().stream().filter(g -> !NOT_ON_A_ROUTE.contains(g)).toList());
    }

    private static final java.util.Set<String> NOT_ON_A_ROUTE = java.util.Set.of(
            cn.chifeng.title.security.Roles.APPLICANTS, cn.chifeng.title.security.Roles.EXPERTS,
            cn.chifeng.title.security.Roles.SUPERVISORS);

    /** After a return (REV-8): back to the stage that returned it (按原渠道), before the review close (APP-5). */
    @Transactional
    public ApplicationRecord resubmit(String id) {
        return resubmit(id, null);
    }

    /**
     * After a return (REV-8), with the corrected dossier (null: unchanged): the fields that decide the route, the
     * committee and APP-2 ({@link Dossier#ROUTE_FIELDS}) stay as submitted; the rest is checked field by field and
     * the eligibility checked again — a refusal keeps the application returned (it may still be withdrawn) — then it
     * goes back to the stage that returned it, before the review close (APP-5).
     */
    @Transactional
    public ApplicationRecord resubmit(String id, Dossier edited) {
        ApplicationRecord a = ownApplication(id);
        if (a.status() != ApplicationStatus.RETURNED) {
            throw ApiException.conflict("NOT_RETURNED", "只有已退回修改的申报可以重新提交（当前状态：" + a.status().label() + "）");
        }
        Season season = seasons.find(a.season()).orElseThrow().forSeries(a.series());
        if (seasons.today().isAfter(season.reviewClose())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "REVIEW_CLOSED",
                    "材料审核和逐级报送已于 " + season.reviewClose() + " 截止，不能补报");
        }
        Map<String, Object> variables = new HashMap<>();
        if (edited != null) {
            Dossier before = dossiers.parse(a.dossierJson());
            List<ApiException.FieldError> locked = before.changedRouteFields(edited);
            if (!locked.isEmpty()) {
                throw ApiException.invalid(locked);
            }
            Checked c = checked(before.withCorrections(edited));
            List<ResubmissionCheck.Outcome> outcomes = resubmissionChecks.stream()
                    .map(r -> r.recheck(c.dossier(), c.season(), seasons.today())).toList();
            List<String> refusals = outcomes.stream().flatMap(o -> o.refusals().stream()).toList();
            if (!refusals.isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "INELIGIBLE_AFTER_CHANGE",
                        "修改后不符合申报条件，未重新提交（仍可继续修改或撤回申报）：" + String.join("；", refusals));
            }
            applications.updateDossier(id, c.dossier().name().trim(), dossiers.write(c.dossier()));
            variables.putAll(startVariables(id, c.dossier(), c.forSeries()));
            for (ProcessStartVariables contributor : startVariables) {
                variables.putAll(contributor.variables(c.dossier(), c.season(), seasons.today()));
            }
            outcomes.forEach(o -> variables.putAll(o.variables()));
        }
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_RESUBMITTED)
                .processInstanceId(a.processInstanceId()).setVariables(variables).correlate();
        return applications.find(id).orElseThrow();
    }

    @Transactional
    public ApplicationRecord withdraw(String id) {
        ApplicationRecord a = ownApplication(id);
        if (a.status() == ApplicationStatus.DRAFT) {
            // never submitted: no process to tell, nothing counted
            applications.setStatus(id, ApplicationStatus.WITHDRAWN, "申报人撤回草稿");
            return applications.find(id).orElseThrow();
        }
        if (a.status().isFinal()) {
            throw ApiException.conflict("ALREADY_ENDED", "申报已结束（" + a.status().label() + "），不能撤回");
        }
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(a.processInstanceId()).correlate();
        return applications.find(id).orElseThrow();
    }

    /** The city HR bureau spot-checks any application of the city and may return it (通知 三(二)4). */
    @Transactional
    public ApplicationRecord spotCheckReturn(String id, String comment) {
        ApplicationRecord a = read(id);
        String cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).orElseThrow().id();
        if (!currentUser.isAdmin() && !currentUser.inGroup(cityHr)) {
            throw ApiException.forbidden("只有市人社局可以抽查退回");
        }
        comment = cn.chifeng.title.common.Texts.require("comment", comment, "抽查退回原因", 2000);
        if (a.status() != ApplicationStatus.IN_REVIEW) {
            throw ApiException.conflict("NOT_IN_REVIEW", "只有审核中的申报可以抽查退回（当前状态：" + a.status().label() + "）");
        }
        trail.record(id, Stage.CITY_HR, cityHr, currentUser.id(), ReviewDecision.RETURN, comment.trim(), false, null);
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_SPOT_CHECK_RETURN)
                .processInstanceId(a.processInstanceId())
                .setVariable(Vars.LAST_DECISION, ReviewDecision.RETURN.name())
                .setVariable(TitleApplicationProcess.Vars.LAST_COMMENT, comment.trim())
                .setVariable(TitleApplicationProcess.Vars.REVIEW_TRAIL, trail.formValue(id))
                .correlate();
        return applications.find(id).orElseThrow();
    }

    /** The dossier as the applicant (or an administrator) gave it, for editing a draft or a returned application. */
    public Dossier dossierOf(String id) {
        return dossiers.parse(ownApplication(id).dossierJson());
    }

    /** The application, if the caller is its applicant or an administrator. */
    public ApplicationRecord ownApplication(String id) {
        ApplicationRecord a = read(id);
        if (!currentUser.isAdmin() && !a.applicantUserId().equals(currentUser.id())) {
            throw ApiException.forbidden("只有申报人本人或系统管理员可以办理");
        }
        return a;
    }
}
