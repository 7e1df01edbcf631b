package cn.chifeng.title.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CommandFields;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.chifeng.title.common.TaskCompletionRule;

/**
 * The product's guard in front of every engine command — whichever door it came through ({@code /engine-rest},
 * Tasklist and Cockpit through {@code /camunda/api/engine}, Java) — for commands a person starts (an authenticated
 * user; the product's own code and the job executor run as the system and are not checked, nor are the commands
 * the engine runs inside another):
 * <ol>
 * <li>no client expression is evaluated: a task query with expressions — at the top, in an {@code or} query, or
 * in the query that extends a stored filter — is refused for everyone; a filter with expressions may be saved only
 * by an administrator;</li>
 * <li>applicants may run no command at all;</li>
 * <li>what decides the flow is the product's: writing or removing variables, correlating messages, signals, BPMN
 * errors and escalations from tasks, executing jobs or moving their due dates, starting, modifying, migrating,
 * restarting, suspending or deleting instances, deploying — administrators only ({@link #ADMIN_ONLY});</li>
 * <li>a task is completed ({@code complete}, {@code resolve}, {@code submit-form}) only as its deployed Camunda
 * Form allows: exactly the keys of the form's enabled input fields, each of its type, within its length limit and,
 * for a choice, one of the values the form lists or the server put into the task's {@code valuesKey} list; then
 * the form's {@link TaskCompletionRule}s; nobody completes a task of an application they applied with.</li>
 * </ol>
 * A refusal changes nothing (the command never runs), answers 400 (403 for a forbidden operation) with the Chinese
 * message alone, and is logged as one warning line.
 */
public class EngineGuard extends CommandInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);

    /** Commands only administrators may start (by the engine's class names; see EngineGuardTest for the list). */
    static final Pattern ADMIN_ONLY = Pattern.compile("^(?:"
            + "(?:Set|Remove|Patch|Update)\\w*Variable\\w*|\\w*Correlat\\w*|MessageEventReceived|\\w*Signal\\w*"
            + "|HandleTask(?:BpmnError|Escalation)|\\w*ExternalTask\\w*|ExecuteJobs?|SetJobs?\\w*"
            + "|RecalculateJobDuedate|\\w*Modif\\w*|\\w*Migrat\\w*|Restart\\w*"
            + "|Delete\\w*(?:ProcessInstance|Deployment|ProcessDefinition|Job|Incident|Batch|Historic)\\w*"
            + "|\\w*Suspen\\w*|(?:Activate|Suspend)\\w*|UpdateProcessInstances\\w*|Start\\w*ProcessInstance\\w*"
            + "|SubmitStartForm|Deploy\\w*|Redeploy\\w*|\\w*Batch\\w*|SetProcessDefinitionVersion|SetRemovalTime\\w*"
            + "|\\w*HistoryTimeToLive\\w*|CreateIncident|ResolveIncident|\\w*Annotation\\w*|CreateCaseInstance"
            + "|\\w*CaseExecution\\w*|ManualStart\\w*|CloseCaseInstance|Unlock\\w*|\\w*Priority\\w*"
            + "|\\w*Telemetry\\w*|\\w*LicenseKey|\\w*Metrics\\w*"
            + ")Cmd$");

    /** Shared by the guards of all command executors: a command inside another is the engine's, not a person's. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private final Supplier<ProcessEngineConfigurationImpl> configuration;
    private final Supplier<List<TaskCompletionRule>> rules;
    private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();
    private final Map<String, TaskForm> formsByTask = new ConcurrentHashMap<>();

    /** The product's clock (a notice's period is the product's), the engine's where there is none. */
    private final Supplier<java.time.Instant> now;

    public EngineGuard(Supplier<ProcessEngineConfigurationImpl> configuration,
                       Supplier<List<TaskCompletionRule>> rules) {
        this(configuration, rules, () -> org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    }

    public EngineGuard(Supplier<ProcessEngineConfigurationImpl> configuration,
                       Supplier<List<TaskCompletionRule>> rules, Supplier<java.time.Instant> now) {
        this.configuration = configuration;
        this.rules = rules;
        this.now = now;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] d = DEPTH.get();
        d[0]++;
        try {
            if (d[0] == 1) {
                check(command);
            }
            return next.execute(command);
        } finally {
            d[0]--;
        }
    }

    private void check(Command<?> command) {
        Authentication auth = configuration.get().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return;
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (command instanceof TaskQueryImpl q) {
            refuseExpressions(q, auth, "任务查询不能包含表达式");
        }
        Query<?, ?> extending = CommandFields.extendingQuery(command);
        if (extending instanceof TaskQueryImpl q) {
            refuseExpressions(q, auth, "过滤器的附加查询不能包含表达式");
        }
        if (groups.contains(Roles.APPLICANTS)) {
            throw refused(auth, command, new AuthorizationException("申报人不能直接使用流程引擎，请使用申报系统"));
        }
        String jobId = CommandFields.jobId(command);
        if (jobId != null) {
            refuseEarlyNoticeEnd(jobId, command, auth);
        }
        List<String> instances = CommandFields.modifiedOrDeletedInstances(command);
        if (!instances.isEmpty() && configuration.get().getRuntimeService().createProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(instances))
                .processDefinitionKey(cn.chifeng.title.process.PublicityProcess.KEY).count() > 0) {
            throw refused(auth, command, new AuthorizationException("公示进行中：任何人不能修改或删除公示的流程实例，"
                    + "公示期满后由系统结束"));
        }
        if (groups.contains(Roles.ADMIN)) {
            return;
        }
        Filter filter = CommandFields.savedFilter(command);
        if (filter != null && filter.getQuery() instanceof TaskQueryImpl q) {
            refuseExpressions(q, auth, "只有系统管理员可以保存含表达式的过滤器");
        }
        if (ADMIN_ONLY.matcher(command.getClass().getSimpleName()).matches()) {
            throw refused(auth, command, new AuthorizationException("只有系统管理员可以执行此操作（"
                    + command.getClass().getSimpleName() + "）：流程变量、实例、消息、作业和部署由系统按规则办理"));
        }
        String reassigned = CommandFields.peopleChangeTask(command);
        if (reassigned != null && personalTask(reassigned)) {
            throw refused(auth, command, new AuthorizationException("该任务由流程指定给本人办理（如评审专家的席位），"
                    + "不能转交、委托、认领或增加候选人"));
        }
        CommandFields.Completion completion = CommandFields.completion(command);
        if (completion != null) {
            checkCompletion(completion, auth);
        }
    }

    /**
     * A notice's period (≥5 working days) ends by its timer on the working-day calendar, not earlier by anyone:
     * executing the timer before it is due, or moving its due date, is refused — administrators included.
     */
    private void refuseEarlyNoticeEnd(String jobId, Command<?> command, Authentication auth) {
        if (CommandFields.UNKNOWN_JOB.equals(jobId)) {
            return;
        }
        var management = configuration.get().getManagementService();
        org.camunda.bpm.engine.runtime.Job job = management.createJobQuery().jobId(jobId).singleResult();
        var definition = job == null || job.getJobDefinitionId() == null ? null
                : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        if (definition == null
                || !cn.chifeng.title.process.PublicityProcess.TIMER_PUBLICITY_END.equals(definition.getActivityId())) {
            return;
        }
        boolean moving = !(command instanceof org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd);
        if (moving || job.getDuedate() != null && job.getDuedate().toInstant().isAfter(now.get())) {
            throw refused(auth, command, new AuthorizationException("公示期未满（至 " + (job.getDuedate() == null ? "—"
                    : job.getDuedate().toInstant().atZone(cn.chifeng.title.common.Zones.CHINA)
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                    + "），任何人不能提前结束公示或修改公示期的到期时间"));
        }
    }

    private void refuseExpressions(TaskQueryImpl query, Authentication auth, String message) {
        // getQueries() is the query itself, then its or-queries
        for (TaskQueryImpl q : query.getQueries()) {
            if (q.getExpressions() != null && !q.getExpressions().isEmpty()) {
                throw refused(auth, query, new BadUserRequestException(message + "：" + q.getExpressions().keySet()));
            }
        }
    }

    private void checkCompletion(CommandFields.Completion completion, Authentication auth) {
        TaskService tasks = configuration.get().getTaskService();
        String taskId = completion.taskId();
        Task task = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return; // the engine answers that the task does not exist (or is not visible)
        }
        Map<String, Object> cache = new HashMap<>();
        Function<String, Object> variable = name -> cache.computeIfAbsent(name,
                n -> asSystem(() -> tasks.getVariable(taskId, n)));
        Object applicant = variable.apply("applicantUserId");
        if (auth.getUserId().equals(applicant)) {
            throw refused(auth, taskId, new AuthorizationException("不能审核本人的申报"));
        }
        TaskForm form = form(task);
        Map<String, Object> submitted = new LinkedHashMap<>();
        Map<String, Object> variables = completion.variables() == null ? Map.of() : completion.variables();
        for (String name : variables.keySet()) {
            TaskForm.Field field = form.inputs().get(name);
            if (field == null) {
                throw refused(auth, taskId, new CompletionRefusedException(name, "不能设置“" + name
                        + "”：该任务的表单中没有这一项，办理任务只能填写表单中的内容"));
            }
            Object raw = variables instanceof org.camunda.bpm.engine.variable.VariableMap m ? m.getValueTyped(name)
                    : variables.get(name);
            Object value;
            if (raw instanceof SerializableValue serializable) {
                // Tasklist submits a checklist as a JSON array of strings; nothing else serialized is a form's input
                value = field.multiple() ? jsonStrings(serializable) : null;
                if (value == null) {
                    throw refused(auth, taskId, new CompletionRefusedException(name, "“" + field.label() + "”的格式无效"));
                }
            } else {
                value = raw instanceof TypedValue tv ? tv.getValue() : raw;
            }
            checkValue(field, value, variable, auth, taskId);
            submitted.put(name, value);
        }
        for (TaskCompletionRule rule : rules.get()) {
            if (form.id() != null && rule.forms().contains(form.id())) {
                try {
                    rule.check(submitted, variable);
                } catch (BadUserRequestException e) {
                    throw refused(auth, taskId, new CompletionRefusedException(null, e.getMessage()));
                }
            }
        }
    }

    private void checkValue(TaskForm.Field field, Object value, Function<String, Object> variable,
                            Authentication auth, String taskId) {
        if (value == null) {
            return;
        }
        String label = "“" + field.label() + "”";
        switch (field.type()) {
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    throw refused(auth, taskId, new CompletionRefusedException(field.key(), label + "须为是或否（true/false）"));
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    throw refused(auth, taskId, new CompletionRefusedException(field.key(), label + "须为数字"));
                }
            }
            default -> {
                if (field.multiple()) {
                    if (!(value instanceof Collection<?> items)) {
                        throw refused(auth, taskId, new CompletionRefusedException(field.key(), label + "须为选项列表"));
                    }
                    for (Object item : items) {
                        checkChoice(field, String.valueOf(item), variable, auth, taskId);
                    }
                    return;
                }
                if (!(value instanceof String s)) {
                    throw refused(auth, taskId, new CompletionRefusedException(field.key(), label + "须为文字"));
                }
                if (s.length() > field.maxLength()) {
                    throw refused(auth, taskId, new CompletionRefusedException(field.key(), label + "最多 " + field.maxLength()
                            + " 个字（现为 " + s.length() + " 个）"));
                }
                if (field.values() != null || field.valuesKey() != null) {
                    checkChoice(field, s, variable, auth, taskId);
                }
            }
        }
    }

    private void checkChoice(TaskForm.Field field, String value, Function<String, Object> variable,
                             Authentication auth, String taskId) {
        List<String> allowed = field.values() != null ? field.values() : listed(variable.apply(field.valuesKey()));
        if (!allowed.contains(value)) {
            throw refused(auth, taskId, new CompletionRefusedException(field.key(), "“" + field.label() + "”的取值“" + value
                    + "”无效" + (field.valueLabels() == null ? "：不在本任务可选的范围内"
                    : "，可选：" + String.join("、", field.valueLabels()))));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A JSON-serialized array of strings (a checklist as Tasklist submits it), or null for anything else. */
    static List<String> jsonStrings(SerializableValue value) {
        if (!"application/json".equals(value.getSerializationDataFormat()) || value.getValueSerialized() == null) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(value.getValueSerialized());
            if (!node.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : node) {
                if (!item.isTextual()) {
                    return null;
                }
                out.add(item.asText());
            }
            return out;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The values of a server-listed choice: a list of strings or of {label, value} entries. */
    static List<String> listed(Object list) {
        List<String> values = new ArrayList<>();
        if (list instanceof Collection<?> items) {
            for (Object item : items) {
                values.add(item instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(item));
            }
        } else if (list instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            for (org.camunda.spin.json.SpinJsonNode item : json.elements()) {
                values.add(item.isObject() ? item.prop("value").stringValue() : item.stringValue());
            }
        }
        return values;
    }

    /**
     * The Camunda Form deployed with the task. A form bound to the task's own deployment (or a fixed version) never
     * changes for a process definition, so it is read once per process definition and task; a form bound to the
     * latest version is read each time.
     */
    private TaskForm form(Task task) {
        String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
        TaskForm cached = formsByTask.get(key);
        if (cached != null) {
            return cached;
        }
        String json;
        try (InputStream in = asSystem(() -> configuration.get().getFormService().getDeployedTaskForm(task.getId()))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ProcessEngineException noForm) {
            return new TaskForm(null, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TaskForm form = forms.computeIfAbsent(json, TaskForm::parse);
        if (task.getProcessDefinitionId() != null && !"latest".equals(binding(task))) {
            formsByTask.put(key, form);
        }
        return form;
    }

    /** A task the model gives to one person by name (camunda:assignee), such as an expert's seat (EVA-2). */
    private boolean personalTask(String taskId) {
        Task task = asSystem(() -> configuration.get().getTaskService().createTaskQuery().taskId(taskId).singleResult());
        if (task == null || task.getProcessDefinitionId() == null) {
            return false;
        }
        var model = asSystem(() -> configuration.get().getRepositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId()));
        var element = model.getModelElementById(task.getTaskDefinitionKey());
        return element instanceof org.camunda.bpm.model.bpmn.instance.UserTask u && u.getCamundaAssignee() != null;
    }

    private String binding(Task task) {
        var model = asSystem(() -> configuration.get().getRepositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId()));
        var element = model.getModelElementById(task.getTaskDefinitionKey());
        return element instanceof org.camunda.bpm.model.bpmn.instance.UserTask u ? u.getCamundaFormRefBinding()
                : "latest";
    }

    private <T> T asSystem(Supplier<T> action) {
        return RunAs.system(configuration.get().getIdentityService(), action);
    }

    /** The message of the completion this thread's guard refused last, for {@link CompletionErrorFilter}. */
    private static final ThreadLocal<String> REFUSAL = new ThreadLocal<>();

    /** Returns and forgets the last completion refusal of this thread. */
    public static String takeRefusal() {
        String message = REFUSAL.get();
        REFUSAL.remove();
        return message;
    }

    private static RuntimeException refused(Authentication auth, Object what, ProcessEngineException e) {
        if (e instanceof CompletionRefusedException) {
            REFUSAL.set(e.getMessage());
        }
        String subject = what instanceof Command<?> c ? c.getClass().getSimpleName() : "任务 " + what;
        LOG.warn("已拒绝 {} 的请求（{}）：{}", auth.getUserId(), subject, e.getMessage());
        return e;
    }
}
