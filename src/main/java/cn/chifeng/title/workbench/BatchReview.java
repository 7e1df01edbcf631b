package cn.chifeng.title.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.chifeng.title.process.ReviewDecision;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.security.RunAs;

/**
 * 批量审核: the review tasks a reviewer may approve together, and their approval — approval only, each task its own
 * completion by the reviewer on the engine (its own transaction, the engine's authorizations, the completion guard,
 * the form's rules and the trail as in Tasklist), so that a refusal of one is reported and stops nothing else.
 */
@Service
class BatchReview {
    /** The forms whose tasks are reviews that an approval with 内容属实 completes. */
    static final Set<String> FORMS = Set.of("stage-review", "committee-office-review");
    /** More tasks than one page lists (and one batch approves). */
    static final int MOST = 500;

    private final TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final IdentityService identity;

    BatchReview(TaskService tasks, org.camunda.bpm.engine.RuntimeService runtime, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** A review task as the list shows it, from the task's own card variables. */
    record Item(String taskId, String taskName, String applicationId, String applicantName, String employerName,
                String countyName, String series, String level, java.util.Date created, String assignee) {
    }

    /** The open review tasks offered to the reviewer's bodies, not held by a colleague, by stage and age. */
    List<Item> open(String user) {
        List<String> groups = groups(user);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Task> list = RunAs.user(identity, user, () -> tasks.createTaskQuery()
                .processDefinitionKey(TitleApplicationProcess.KEY)
                .taskCandidateGroupIn(groups).includeAssignedTasks().initializeFormKeys()
                .orderByTaskCreateTime().asc().listPage(0, MOST)).stream().filter(t -> reviewable(t, user)).toList();
        if (list.isEmpty()) {
            return List.of();
        }
        // one query for the cards of all: the variables the product set on each instance at its start
        Map<String, Map<String, Object>> byInstance = new java.util.HashMap<>();
        RunAs.system(identity, () -> runtime.createVariableInstanceQuery()
                .processInstanceIdIn(list.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableNameIn(CARD).disableCustomObjectDeserialization().list()).stream()
                .filter(v -> v.getTaskId() == null && v.getProcessInstanceId().equals(v.getExecutionId()))
                .forEach(v -> byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new java.util.HashMap<>())
                        .put(v.getName(), v.getValue()));
        List<Item> items = new ArrayList<>();
        for (Task t : list) {
            Map<String, Object> v = byInstance.getOrDefault(t.getProcessInstanceId(), Map.of());
            items.add(new Item(t.getId(), t.getName(), (String) v.get(Vars.APPLICATION_ID),
                    (String) v.get(Vars.APPLICANT_NAME), (String) v.get("employerName"), (String) v.get("countyName"),
                    (String) v.get("seriesLabel"), (String) v.get("targetLevelLabel"), t.getCreateTime(),
                    t.getAssignee()));
        }
        items.sort(Comparator.comparing(Item::taskName).thenComparing(Item::created));
        return items;
    }

    private static final String[] CARD = {Vars.APPLICATION_ID, Vars.APPLICANT_NAME, "employerName", "countyName",
            "seriesLabel", "targetLevelLabel"};

    /** What became of one task of the batch: approved (and where it went), or refused and why. */
    record Outcome(String taskId, String applicationId, String applicantName, boolean approved, String message) {
    }

    /** Approves each task on its own, as the reviewer; {@code comment} may be empty (an approval needs none). */
    List<Outcome> approve(String user, List<String> taskIds, String comment) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String id : taskIds) {
            if (outcomes.containsKey(id)) {
                continue;
            }
            outcomes.put(id, approveOne(user, id, comment));
        }
        return List.copyOf(outcomes.values());
    }

    private Outcome approveOne(String user, String taskId, String comment) {
        Task t = RunAs.user(identity, user, () -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys()
                .singleResult());
        if (t == null) {
            return new Outcome(taskId, null, null, false, "任务不存在、已办结或无权办理");
        }
        Map<String, Object> v = RunAs.system(identity, () -> tasks.getVariables(taskId, List.of(Vars.APPLICATION_ID,
                Vars.APPLICANT_NAME)));
        String applicationId = (String) v.get(Vars.APPLICATION_ID);
        String name = (String) v.get(Vars.APPLICANT_NAME);
        if (t.getAssignee() != null && !t.getAssignee().equals(user)) {
            return new Outcome(taskId, applicationId, name, false, "已由 " + t.getAssignee() + " 认领，由其办理或转办");
        }
        if (!reviewable(t, user)) {
            return new Outcome(taskId, applicationId, name, false, "“" + t.getName() + "”不能批量审核，请在 Tasklist 中办理");
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(Vars.DECISION, ReviewDecision.APPROVE.name());
        form.put(Vars.COMMENT, comment == null || comment.isBlank() ? null : comment.trim());
        form.put(Vars.ATTESTED, true);
        try {
            RunAs.user(identity, user, () -> {
                tasks.complete(taskId, form);
                return null;
            });
            return new Outcome(taskId, applicationId, name, true, "已通过（" + t.getName() + "）");
        } catch (RuntimeException e) {
            return new Outcome(taskId, applicationId, name, false, reason(e));
        }
    }

    private static boolean reviewable(Task t, String user) {
        return t.getCamundaFormRef() != null && FORMS.contains(t.getCamundaFormRef().getKey())
                && (t.getAssignee() == null || t.getAssignee().equals(user));
    }

    private List<String> groups(String user) {
        return RunAs.system(identity, () -> identity.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }

    /** The refusal's own words (the rules speak Chinese), without the engine's prefixes. */
    static String reason(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || !t.getMessage().matches(".*\\p{IsHan}.*"))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "审核未能完成" : t.getMessage();
        int colon = m.lastIndexOf(": ");
        return colon >= 0 && m.substring(colon + 2).matches(".*\\p{IsHan}.*") ? m.substring(colon + 2) : m;
    }
}
