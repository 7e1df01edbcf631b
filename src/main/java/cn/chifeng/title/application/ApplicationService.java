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

    ApplicationService(ApplicationRepository applications, DossierValidator validator, Dossiers dossiers,
                       SeasonService seasons, RuntimeService runtime, cn.chifeng.title.security.EngineIdentity engineIdentity,
                       CurrentUser currentUser, ReviewTrail trail, OrganisationDirectory organisations,
                       Clock clock, List<ProcessStartVariables> startVariables) {
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

    /** Submits a dossier: 400 for bad input, then 422 for a closed window, then 409 for a duplicate (APP-2, APP-3). */
    @Transactional
    public ApplicationRecord submit(Dossier input) {
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
        var today = seasons.today();
        var errors = validator.validate(d, today);
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
        if (!forSeries.applicationWindowContains(today)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "APPLICATION_WINDOW_CLOSED",
                    today.isAfter(forSeries.applicationClose())
                            ? d.season() + " 年度个人申报已于 " + forSeries.applicationClose() + " 截止，不再受理"
                            : d.season() + " 年度个人申报自 " + forSeries.applicationOpen() + " 开始，尚未开放");
        }
        String idNumber = d.idNumber().toUpperCase(Locale.ROOT);
        // APP-2: one series per level per person per season
        applications.countedForPerson(d.season(), idNumber, d.targetLevel()).stream().findFirst().ifPresent(other -> {
            throw ApiException.conflict("DUPLICATE_APPLICATION", "同一年度一个层级只能申报一个系列：已有申报 " + other.id()
                    + "（" + Series.valueOf(other.series()).label() + "，" + other.status().label() + "）");
        });
        // APP-3: one channel per employer per season (不得多头申报)
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
        String id = freshId(d.season());
        OffsetDateTime now = Zones.now(clock);
        ApplicationRecord record = new ApplicationRecord(id, d.season(), applicant, d.name().trim(), idNumber,
                d.series(), d.targetLevel(), d.employerCode(), d.employerName().trim(), d.county(), channel,
                ApplicationStatus.IN_REVIEW, null, List.of(), List.of(), null, dossiers.write(d), now, now, null);
        try {
            applications.insert(record, ApplicationRepository.personLevelKey(d.season(), idNumber, d.targetLevel()));
        } catch (DuplicateKeyException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("ux_application_person_level")) {
                throw ApiException.conflict("DUPLICATE_APPLICATION", "同一年度一个层级只能申报一个系列：该申报人已有申报");
            }
            // two nodes drew the same id at the same moment: nothing was stored, the applicant simply submits again
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "系统繁忙，申报未保存，请重新提交");
        }
        Map<String, Object> variables = startVariables(id, d, forSeries);
        for (ProcessStartVariables contributor : startVariables) {
            variables.putAll(contributor.variables(d, season, today));
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

    public ApplicationRepository.Filter visibleFilter(Integer season, String status, String stage) {
        return new ApplicationRepository.Filter(season, status, stage, currentUser.isAdmin(), currentUser.id(),
                currentUser.groups());
    }

    /** After a return (REV-8): back to the stage that returned it (按原渠道), before the review close (APP-5). */
    @Transactional
    public ApplicationRecord resubmit(String id) {
        ApplicationRecord a = ownApplication(id);
        if (a.status() != ApplicationStatus.RETURNED) {
            throw ApiException.conflict("NOT_RETURNED", "只有已退回修改的申报可以重新提交（当前状态：" + a.status().label() + "）");
        }
        Season season = seasons.find(a.season()).orElseThrow().forSeries(a.series());
        if (seasons.today().isAfter(season.reviewClose())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "REVIEW_CLOSED",
                    "材料审核和逐级报送已于 " + season.reviewClose() + " 截止，不能补报");
        }
        runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_RESUBMITTED)
                .processInstanceId(a.processInstanceId()).correlate();
        return applications.find(id).orElseThrow();
    }

    @Transactional
    public ApplicationRecord withdraw(String id) {
        ApplicationRecord a = ownApplication(id);
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

    /** The application, if the caller is its applicant or an administrator. */
    public ApplicationRecord ownApplication(String id) {
        ApplicationRecord a = read(id);
        if (!currentUser.isAdmin() && !a.applicantUserId().equals(currentUser.id())) {
            throw ApiException.forbidden("只有申报人本人或系统管理员可以办理");
        }
        return a;
    }
}
