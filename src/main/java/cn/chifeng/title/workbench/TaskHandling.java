package cn.chifeng.title.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ReviewTrail;
import cn.chifeng.title.application.TrailAction;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.Stage;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.RunAs;

/**
 * The handling of an application's open review task beyond deciding it: 转办 to a colleague of the same body (the
 * product checks the colleague's body and assigns as the system — nobody holds an engine right to assign anyone)
 * and 催办 by an upper level of the route or the city bureau (a message to the body's members and a mark on the
 * task's card). Both are recorded in the trail.
 */
@Service
class TaskHandling {
    /** The task variable the cards show (see OrganisationAccess.CARD_VARIABLES). */
    static final String URGED = "urged";
    static final int URGED_PRIORITY = 80;
    static final int MOST_MESSAGE = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final TaskService tasks;
    private final IdentityService identity;
    private final ApplicationService applications;
    private final ReviewTrail trail;
    private final NotificationOutbox outbox;
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String cityHr;
    private final String baseUrl;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final cn.chifeng.title.publicity.Publications publications;

    TaskHandling(TaskService tasks, IdentityService identity, ApplicationService applications, ReviewTrail trail,
                 NotificationOutbox outbox, OrganisationDirectory organisations, CurrentUser currentUser, Clock clock,
                 @Value("${title.portal.base-url}") String baseUrl,
                 org.camunda.bpm.engine.RuntimeService runtime, cn.chifeng.title.publicity.Publications publications) {
        this.runtime = runtime;
        this.publications = publications;
        this.tasks = tasks;
        this.identity = identity;
        this.applications = applications;
        this.trail = trail;
        this.outbox = outbox;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
        this.cityHr = organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR).map(OrganisationDirectory.Body::id)
                .orElse(null);
        this.baseUrl = baseUrl;
    }

    /** The application's open review task, its body, holder, and what the caller may do with it. */
    record OpenTask(String taskId, String name, String group, String groupName, String assignee, String urged,
                    boolean mayHandOver, List<String> colleagues, boolean mayUrge, String recallRefusal) {
        /** Whether the caller may take back their approval that sent the application here. */
        public boolean mayRecall() {
            return recallRefusal == null;
        }
    }

    /** For a caller who may read the application; empty when no review task is open. */
    Optional<OpenTask> of(String applicationId) {
        ApplicationRecord a = applications.read(applicationId);
        return RunAs.system(identity, () -> {
            Task t = reviewTask(a);
            if (t == null) {
                return Optional.<OpenTask>empty();
            }
            String group = group(t);
            String me = currentUser.id();
            boolean mine = group != null && currentUser.inGroup(group);
            boolean mayHandOver = mine && (t.getAssignee() == null || t.getAssignee().equals(me));
            List<String> colleagues = mayHandOver ? members(group).stream().filter(u -> !u.equals(me)).toList()
                    : List.of();
            Object urged = tasks.getVariableLocal(t.getId(), URGED);
            return Optional.of(new OpenTask(t.getId(), t.getName(), group,
                    group == null ? null : organisations.groupName(group), t.getAssignee(),
                    urged == null ? null : urged.toString(), mayHandOver, colleagues, !mine && upperBody(a, group) != null,
                    recallRefusal(a, t, me, lastDecision(a))));
        });
    }

    /** 转办: the holder (or, while nobody holds it, any member) of the task's body gives it to a colleague there. */
    void handOver(String applicationId, String colleague) {
        ApplicationRecord a = applications.read(applicationId);
        String me = currentUser.id();
        RunAs.system(identity, () -> {
            Task t = requireTask(a);
            String group = group(t);
            if (group == null || !currentUser.inGroup(group)) {
                throw ApiException.forbidden("只能转办本单位的任务");
            }
            if (t.getAssignee() != null && !t.getAssignee().equals(me)) {
                throw ApiException.conflict("HELD", "任务由 " + t.getAssignee() + " 办理中，只有其本人可以转办");
            }
            if (colleague == null || colleague.isBlank() || colleague.equals(me) || !members(group).contains(colleague)) {
                throw ApiException.invalid("colleague", "请选择本单位（" + organisations.groupName(group) + "）的另一位同事（colleague）");
            }
            tasks.setAssignee(t.getId(), colleague);
            trail.note(a.id(), stage(t), group, me, TrailAction.HAND_OVER, "转办给 " + colleague, t.getId());
            return null;
        });
    }

    /** 催办: an upper level of the route, or the city bureau, chases the body whose review is pending; once a day. */
    void urge(String applicationId, String message) {
        ApplicationRecord a = applications.read(applicationId);
        if (message != null && message.length() > MOST_MESSAGE) {
            throw ApiException.invalid("message", "催办说明（message）不能超过 " + MOST_MESSAGE + " 字");
        }
        String me = currentUser.id();
        RunAs.system(identity, () -> {
            Task t = requireTask(a);
            String group = group(t);
            String upper = upperBody(a, group);
            if (upper == null || currentUser.inGroup(group)) {
                throw ApiException.forbidden("只能由审核路径中的上级机构或市人社局催办下级的待办");
            }
            LocalDate today = Zones.now(clock).toLocalDate();
            String mark = organisations.groupName(upper) + " " + DAY.format(today) + " 催办";
            Object before = tasks.getVariableLocal(t.getId(), URGED);
            if (before != null && before.toString().contains(DAY.format(today) + " 催办")) {
                throw ApiException.conflict("URGED_TODAY", "今天已催办过（" + before + "），请明天再催");
            }
            tasks.setVariableLocal(t.getId(), URGED, mark);
            tasks.setPriority(t.getId(), Math.max(t.getPriority(), URGED_PRIORITY));
            String text = message == null || message.isBlank() ? "请尽快办理。" : message.trim();
            outbox.enqueueToMembers("REVIEW_URGED", a.id(), group, Map.of("applicationId", a.id(),
                    "applicantName", a.applicantName(), "stageName", t.getName(), "groupName",
                    organisations.groupName(group), "urgedBy", organisations.groupName(upper), "message", text,
                    "link", baseUrl + "/staff/applications/" + a.id()));
            trail.note(a.id(), stage(t), group, me, TrailAction.URGE, organisations.groupName(upper) + "催办"
                    + organisations.groupName(group) + "：" + text, t.getId());
            return null;
        });
    }

    /**
     * 撤回: the caller takes back their own approval while the stage it sent the application to has neither claimed
     * nor decided it, and no notice has listed it since; returns, rejections and fraud findings are never taken back
     * (they ended the stage's work already). A message to the process moves it one stage back; in the trail.
     */
    @org.springframework.transaction.annotation.Transactional
    void recall(String applicationId, String reason) {
        ApplicationRecord a = applications.read(applicationId);
        if (reason != null && reason.length() > MOST_MESSAGE) {
            throw ApiException.invalid("reason", "撤回理由（reason）不能超过 " + MOST_MESSAGE + " 字");
        }
        String me = currentUser.id();
        RunAs.system(identity, () -> {
            Task t = requireTask(a);
            cn.chifeng.title.application.ReviewStep approval = lastDecision(a);
            String refusal = recallRefusal(a, t, me, approval);
            if (refusal != null) {
                throw ApiException.conflict("NOT_RECALLABLE", refusal);
            }
            trail.note(a.id(), Stage.valueOf(approval.stage()), approval.groupId(), me, TrailAction.RECALL,
                    "撤回“" + approval.stageName() + "”的审核通过" + (reason == null || reason.isBlank() ? ""
                            : "：" + reason.trim()), t.getId());
            runtime.createMessageCorrelation(TitleApplicationProcess.MESSAGE_APPROVAL_RECALLED)
                    .processInstanceId(a.processInstanceId()).correlate();
            return null;
        });
    }

    /** Why the caller may not recall now, or null if they may. */
    private String recallRefusal(ApplicationRecord a, Task next, String me, cn.chifeng.title.application.ReviewStep last) {
        if (last == null || !me.equals(last.reviewer())) {
            return "只有作出上一环节审核结论的审核人本人可以撤回";
        }
        if (!"APPROVE".equals(last.decision())) {
            return "退回、不予通过、发现虚假材料的结论已生效，不能撤回";
        }
        if (next.getAssignee() != null) {
            return "下一环节已由 " + next.getAssignee() + " 认领，不能撤回";
        }
        List<String> route = a.route();
        if (a.currentStage() == null || route.indexOf(a.currentStage()) != route.indexOf(last.stage()) + 1) {
            return "申报已不在通过后的下一环节，不能撤回";
        }
        boolean noticedSince = publications.listing(a.id()).stream()
                .anyMatch(l -> l.publication().createdAt().isAfter(last.decidedAt()));
        if (noticedSince) {
            return "通过后已列入公示，不能撤回";
        }
        return null;
    }

    private cn.chifeng.title.application.ReviewStep lastDecision(ApplicationRecord a) {
        List<cn.chifeng.title.application.ReviewStep> steps = applications.trail(a.id()).stream()
                .filter(s -> cn.chifeng.title.process.ReviewDecision.parse(s.decision()) != null
                        || TrailAction.RECALL.name().equals(s.decision())).toList();
        if (steps.isEmpty()) {
            return null;
        }
        var last = steps.get(steps.size() - 1);
        return TrailAction.RECALL.name().equals(last.decision()) ? null : last;
    }

    /** The caller's body that may chase {@code group}: one later on the route, or the city bureau; else null. */
    private String upperBody(ApplicationRecord a, String group) {
        List<String> route = routeGroups(a);
        int at = route.indexOf(group);
        if (at < 0) {
            return null;
        }
        for (int i = at + 1; i < route.size(); i++) {
            if (currentUser.inGroup(route.get(i))) {
                return route.get(i);
            }
        }
        return cityHr != null && currentUser.inGroup(cityHr) && !cityHr.equals(group) ? cityHr : null;
    }

    @SuppressWarnings("unchecked")
    private List<String> routeGroups(ApplicationRecord a) {
        Object v = a.processInstanceId() == null ? null : RunAs.system(identity, () ->
                runtime.getVariable(a.processInstanceId(), Vars.ROUTE_GROUPS));
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    private Task reviewTask(ApplicationRecord a) {
        if (a.processInstanceId() == null) {
            return null;
        }
        return tasks.createTaskQuery().processInstanceId(a.processInstanceId())
                .processDefinitionKey(TitleApplicationProcess.KEY).initializeFormKeys().list().stream()
                .filter(t -> t.getCamundaFormRef() != null && BatchReview.FORMS.contains(t.getCamundaFormRef().getKey()))
                .findFirst().orElse(null);
    }

    private Task requireTask(ApplicationRecord a) {
        Task t = reviewTask(a);
        if (t == null) {
            throw ApiException.conflict("NO_OPEN_REVIEW", "申报 " + a.id() + " 当前没有待办的审核任务");
        }
        return t;
    }

    private String group(Task t) {
        return tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private Stage stage(Task t) {
        return Stage.valueOf((String) tasks.getVariable(t.getId(), Vars.CURRENT_STAGE));
    }

    private List<String> members(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).sorted().toList();
    }
}
