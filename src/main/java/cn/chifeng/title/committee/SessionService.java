package cn.chifeng.title.committee;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.code.EvaluationType;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.ApiException.FieldError;
import cn.chifeng.title.common.Ids;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.process.EvaluationSessionProcess;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * An evaluation session's plan (EVA-3, EVA-4, EVA-6): filed by the committee office at least N days before the
 * meeting with the applications it takes — each waiting for this committee, of the plan's series, level, specialty
 * and group — approved or returned by the HR department that approves it; no evaluation before approval.
 */
@Service
class SessionService {
    static final String ALL_GROUPS = "ALL";
    private static final Set<String> GROUPS = Set.of(ALL_GROUPS, "GENERAL", "GRASSROOTS", "NON_PUBLIC");
    private static final char[] PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sessions sessions;
    private final ApplicationRepository applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final SeasonService seasons;
    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final cn.chifeng.title.routing.RouteService routes;
    private final IdentityService identity;
    private final CurrentUser currentUser;
    private final CommitteeSettings settings;
    private final Clock clock;

    SessionService(Sessions sessions, ApplicationRepository applications, Dossiers dossiers,
                   OrganisationDirectory organisations, SeasonService seasons, RuntimeService runtime,
                   DecisionService decisions, cn.chifeng.title.routing.RouteService routes,
                   IdentityService identity, CurrentUser currentUser,
                   CommitteeSettings settings, Clock clock) {
        this.sessions = sessions;
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.seasons = seasons;
        this.runtime = runtime;
        this.decisions = decisions;
        this.routes = routes;
        this.identity = identity;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** A plan as the committee office files it. */
    record Plan(String committee, Integer season, String series, String targetLevel, String specialty,
                String evaluationGroup, LocalDate meetingDate, String place, String procedure, String measures,
                Integer committeeSize, Integer reserveSize, String selfEvaluatingUnit, List<String> applicationIds) {
    }

    @Transactional
    public Sessions.Session file(Plan p) {
        if (p == null) {
            throw ApiException.invalid("body", "请提交评审方案（JSON）");
        }
        List<FieldError> errors = new ArrayList<>();
        boolean committee = organisations.body(p.committee()).filter(b -> b.kind() == BodyKind.COMMITTEE_OFFICE)
                .isPresent();
        if (!committee) {
            throw ApiException.invalid("committee", "评委会（办事机构）代码无效");
        }
        if (!currentUser.isAdmin() && !currentUser.inGroup(p.committee())) {
            throw ApiException.forbidden("只有该评委会办事机构可以报送评审方案");
        }
        if (p.season() == null || seasons.find(p.season()).isEmpty()) {
            errors.add(new FieldError("season", "评审年度未配置"));
        }
        Series series = parse(Series.class, p.series());
        if (series == null) {
            errors.add(new FieldError("series", "职称系列无效"));
        }
        Level level = parse(Level.class, p.targetLevel());
        if (level == null || level.compareTo(Level.ASSISTANT) < 0) {
            errors.add(new FieldError("targetLevel", "评审层级无效：须为 ASSISTANT、INTERMEDIATE、ASSOCIATE_SENIOR 或 SENIOR"));
        }
        problem(errors, "specialty", p.specialty(), "评审专业", 60, true);
        String group = p.evaluationGroup() == null || p.evaluationGroup().isBlank() ? ALL_GROUPS : p.evaluationGroup();
        if (!GROUPS.contains(group)) {
            errors.add(new FieldError("evaluationGroup", "评审分组须为 ALL（全部）、GENERAL（常规）、GRASSROOTS（旗县区及苏木乡镇）"
                    + "或 NON_PUBLIC（非公有制经济组织和社会组织）"));
        }
        checkPlanTexts(errors, p.meetingDate(), p.place(), p.procedure(), p.measures());
        int size = p.committeeSize() == null ? settings.defaultCommitteeSize() : p.committeeSize();
        int reserve = p.reserveSize() == null ? settings.defaultReserveSize() : p.reserveSize();
        if (size < 3 || size > 35) {
            errors.add(new FieldError("committeeSize", "评委会组成人数须在 3 到 35 人之间"));
        }
        if (reserve < 0 || reserve > 20) {
            errors.add(new FieldError("reserveSize", "备选专家人数须在 0 到 20 人之间"));
        }
        if (p.selfEvaluatingUnit() != null && !p.selfEvaluatingUnit().isBlank()
                && organisations.employer(p.selfEvaluatingUnit()).isEmpty()) {
            errors.add(new FieldError("selfEvaluatingUnit", "自主评审单位须为已登记的用人单位（统一社会信用代码）"));
        }
        if (p.applicationIds() == null || p.applicationIds().isEmpty()) {
            errors.add(new FieldError("applicationIds", "请列出本次评审的申报"));
        } else if (new HashSet<>(p.applicationIds()).size() != p.applicationIds().size()) {
            errors.add(new FieldError("applicationIds", "申报重复列出"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        checkFiledInTime(p.meetingDate());
        List<ApplicationRecord> scope = new ArrayList<>();
        for (String id : p.applicationIds()) {
            String problem = scopeProblem(id, p, group);
            if (problem != null) {
                errors.add(new FieldError("applicationIds", problem));
            } else {
                scope.add(applications.find(id).orElseThrow());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String approver = approverOf(p.series(), p.targetLevel());
        boolean cityConfirms = scope.stream().map(a -> dossiers.parse(a.dossierJson()).evaluationType())
                .anyMatch(t -> EvaluationType.DIRECTIONAL.name().equals(t) || EvaluationType.FARMER_HERDER.name().equals(t));
        String confirmer = cityConfirms ? organisations.cityBody(BodyKind.CITY_HR).orElseThrow().id() : approver;
        OffsetDateTime now = Zones.now(clock);
        String id = Ids.unused(() -> Ids.next("PS" + p.season() + "-"), drawn -> sessions.find(drawn).isPresent());
        String unit = p.selfEvaluatingUnit() == null || p.selfEvaluatingUnit().isBlank() ? null : p.selfEvaluatingUnit();
        Sessions.Session s = new Sessions.Session(id, p.committee(), p.season(), p.series(), p.targetLevel(),
                p.specialty().trim(), group, p.meetingDate(), p.place().trim(), p.procedure().trim(),
                p.measures().trim(), size, reserve, unit, approver, confirmer, SessionStatus.FILED, now, null, null,
                currentUser.id());
        sessions.insert(s, now);
        Set<String> pseudonyms = new HashSet<>();
        for (ApplicationRecord a : scope) {
            String pseudonym = Ids.unused(SessionService::pseudonym, taken -> !pseudonyms.add(taken));
            Dossier d = dossiers.parse(a.dossierJson());
            String scopeOfQuota = "CITY".equals(d.employerLevel()) ? "CITY" : a.county();
            boolean counts = !"GREEN_CHANNEL".equals(a.channel()) || settings.greenChannelCounts(a.season());
            sessions.addItem(id, a.id(), pseudonym, a.employerCode(), a.county(), scopeOfQuota, counts);
        }
        String committeeName = organisations.groupName(p.committee());
        var instance = RunAs.system(identity, () -> runtime.startProcessInstanceByKey(EvaluationSessionProcess.KEY, id,
                Variables.createVariables()
                        .putValue(EvaluationSessionProcess.Vars.SESSION_ID, id)
                        .putValue(EvaluationSessionProcess.Vars.SESSION_TITLE, committeeName + " " + p.meetingDate()
                                + " " + series.label() + level.label() + "（" + p.specialty().trim() + "）评审会议")
                        .putValue(EvaluationSessionProcess.Vars.SESSION_LINK, "/staff/sessions/" + id)
                        .putValue(EvaluationSessionProcess.Vars.BLIND_LINK, "/api/evaluation-sessions/" + id + "/blind")
                        .putValue(EvaluationSessionProcess.Vars.COMMITTEE_GROUP, p.committee())
                        .putValue(EvaluationSessionProcess.Vars.APPROVER_GROUP, approver)
                        .putValue(EvaluationSessionProcess.Vars.CONFIRMER_GROUP, confirmer)
                        .putValue(EvaluationSessionProcess.Vars.COMMITTEE_SIZE, size)));
        sessions.setProcessInstance(id, instance.getId());
        return sessions.find(id).orElseThrow();
    }

    /** The office revises a returned plan (only while it is returned). */
    @Transactional
    public Sessions.Session revise(String sessionId, LocalDate meetingDate, String place, String procedure,
                                   String measures) {
        Sessions.Session s = officeSession(sessionId);
        if (s.status() != SessionStatus.RETURNED) {
            throw ApiException.conflict("PLAN_NOT_RETURNED", "评审方案不在退回修改状态，不能修改（当前：" + s.status().label() + "）");
        }
        List<FieldError> errors = new ArrayList<>();
        checkPlanTexts(errors, meetingDate, place, procedure, measures);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        sessions.updatePlan(sessionId, meetingDate, place.trim(), procedure.trim(), measures.trim());
        return sessions.find(sessionId).orElseThrow();
    }

    /** Task_ApprovePlan completed: approved, or returned with a reason. */
    /** @return whether the plan was approved */
    boolean decidePlan(String sessionId, String decision, String comment, String user) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        if ("APPROVE".equals(decision)) {
            try {
                checkFiledInTime(s.meetingDate());
            } catch (ApiException e) {
                throw new NotValidException(e.getMessage() + "；请退回办事机构调整会议日期");
            }
            sessions.approved(sessionId, user, Zones.now(clock));
            return true;
        } else if ("RETURN".equals(decision)) {
            String problem = Texts.problem(comment, "退回意见", 2000, true);
            if (problem != null) {
                throw new NotValidException(problem);
            }
            sessions.returned(sessionId, comment.trim());
            return false;
        }
        throw new NotValidException("审批结论须为 APPROVE（同意）或 RETURN（退回修改）");
    }

    /** Task_RevisePlan completed: the plan is filed again, and must again be in time. */
    void refile(String sessionId) {
        Sessions.Session s = sessions.find(sessionId).orElseThrow();
        try {
            checkFiledInTime(s.meetingDate());
        } catch (ApiException e) {
            throw new NotValidException(e.getMessage());
        }
        sessions.filed(sessionId, Zones.now(clock));
    }

    /** EVA-3: the plan reaches the approving department at least N days before the meeting (N is data). */
    void checkFiledInTime(LocalDate meetingDate) {
        LocalDate today = Zones.now(clock).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, meetingDate);
        if (days < settings.planFilingDays()) {
            throw ApiException.invalid("meetingDate", "评审实施方案须在评审会议召开 " + settings.planFilingDays()
                    + " 天前报送核准部门：会议日期 " + meetingDate + " 距今天（" + today + "）只有 " + days + " 天（通知 五(二)2）");
        }
    }

    private static void checkPlanTexts(List<FieldError> errors, LocalDate meetingDate, String place, String procedure,
                                       String measures) {
        if (meetingDate == null) {
            errors.add(new FieldError("meetingDate", "必须填写评审会议日期（YYYY-MM-DD）"));
        }
        problem(errors, "place", place, "评审地点", 200, true);
        problem(errors, "procedure", procedure, "评审工作程序", 4000, true);
        problem(errors, "measures", measures, "工作措施（纪律、保密、回避）", 4000, true);
    }

    private static void problem(List<FieldError> errors, String field, String value, String what, int max,
                                boolean required) {
        String problem = Texts.problem(value, what, max, required);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
        }
    }

    /** Why an application cannot be in this plan (EVA-4, EVA-6), or null. */
    private String scopeProblem(String id, Plan p, String group) {
        ApplicationRecord a = applications.find(id).orElse(null);
        if (a == null) {
            return "申报 " + id + " 不存在";
        }
        if (a.status() != ApplicationStatus.IN_EVALUATION || !waitingForCommittee(a)) {
            return "申报 " + id + " 不在待评委会评审的状态（当前：" + a.status().label() + "）";
        }
        Map<String, Object> v = RunAs.system(identity, () -> runtime.getVariables(a.processInstanceId(),
                List.of(TitleApplicationProcess.Vars.COMMITTEE_GROUP)));
        if (!p.committee().equals(v.get(TitleApplicationProcess.Vars.COMMITTEE_GROUP))) {
            return "申报 " + id + " 不由本评委会评审，不得超范围受理（通知 五(二)1）";
        }
        Dossier d = dossiers.parse(a.dossierJson());
        if (!p.series().equals(a.series()) || !p.targetLevel().equals(a.targetLevel())) {
            return "申报 " + id + " 的系列或层级与评审方案不符，不得超范围评审（通知 五(二)1）";
        }
        if (!p.specialty().trim().equals(d.specialty())) {
            return "申报 " + id + " 的专业（" + d.specialty() + "）与评审方案的专业不同，不得跨专业评审（通知 五(二)1）";
        }
        if (!ALL_GROUPS.equals(group) && !group.equals(groupOf(d))) {
            return "申报 " + id + " 不属于评审方案的分组";
        }
        if (sessions.openSessionOf(id).isPresent()) {
            return "申报 " + id + " 已在另一次评审会议中";
        }
        return null;
    }

    private boolean waitingForCommittee(ApplicationRecord a) {
        return a.processInstanceId() != null && RunAs.system(identity, () -> runtime.createExecutionQuery()
                .processInstanceId(a.processInstanceId())
                .activityId(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION).count() > 0);
    }

    /** EVA-6: the group of an application, from the DMN table {@code evaluation-group}. */
    String groupOf(Dossier d) {
        return decisions.evaluateDecisionTableByKey("evaluation-group", Variables.createVariables()
                        .putValue("employerType", d.employerType()).putValue("employerLevel", d.employerLevel()))
                .getSingleResult().getSingleEntry();
    }

    /** The HR department that approves plans for the committee's seat (DMN committee-assignment). */
    String approverOf(String series, String targetLevel) {
        String seat = routes.seatOf(series, targetLevel);
        BodyKind kind = "REGION".equals(seat) ? BodyKind.REGION_HR : BodyKind.CITY_HR;
        return organisations.cityBody(kind).orElseThrow().id();
    }

    /** The session, for its readers: office, approving or confirming department, supervisors, administrators. */
    Sessions.Session readable(String sessionId) {
        Sessions.Session s = sessions.find(sessionId)
                .orElseThrow(() -> ApiException.notFound("评审会议 " + sessionId + " 不存在"));
        if (!currentUser.isAdmin() && !currentUser.inGroup(s.committee()) && !currentUser.inGroup(s.approverGroup())
                && !currentUser.inGroup(s.confirmerGroup())
                && !currentUser.inGroup(cn.chifeng.title.security.Roles.SUPERVISORS)) {
            throw ApiException.forbidden("只有评委会办事机构、审批部门和纪检监督人员可以查看评审会议");
        }
        return s;
    }

    /** The session, for its office (or an administrator); 404 / 403 otherwise. */
    Sessions.Session officeSession(String sessionId) {
        Sessions.Session s = sessions.find(sessionId)
                .orElseThrow(() -> ApiException.notFound("评审会议 " + sessionId + " 不存在"));
        if (!currentUser.isAdmin() && !currentUser.inGroup(s.committee())) {
            throw ApiException.forbidden("只有该评委会办事机构可以办理");
        }
        return s;
    }

    private static String pseudonym() {
        StringBuilder b = new StringBuilder("N-");
        for (int i = 0; i < 6; i++) {
            b.append(PSEUDONYM_ALPHABET[RANDOM.nextInt(PSEUDONYM_ALPHABET.length)]);
        }
        return b.toString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
