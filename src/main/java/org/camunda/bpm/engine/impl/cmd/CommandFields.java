package org.camunda.bpm.engine.impl.cmd;

import java.util.Map;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.query.Query;

/**
 * Reads what a command carries, for the product's engine guard ({@code cn.chifeng.title.security.EngineGuard}).
 * It lives in the engine's package because the fields are protected: if a Camunda release moved them, this class
 * would no longer compile, rather than the guard silently reading nothing.
 */
public final class CommandFields {
    private CommandFields() {
    }

    /** The task and the variables a completion sets: {@code complete}, {@code resolve} or {@code submit-form}. */
    public static Completion completion(Object command) {
        if (command instanceof CompleteTaskCmd c) {
            return new Completion(c.taskId, c.variables);
        }
        if (command instanceof SubmitTaskFormCmd c) {
            return new Completion(c.taskId, c.properties);
        }
        return null;
    }

    /** The query a client sends along with a stored filter ({@code POST /filter/{id}/list} and the like). */
    public static Query<?, ?> extendingQuery(Object command) {
        return command instanceof AbstractExecuteFilterCmd c ? c.extendingQuery : null;
    }

    /** The filter being created or changed. */
    public static Filter savedFilter(Object command) {
        return command instanceof SaveFilterCmd c ? c.filter : null;
    }

    /**
     * The task whose people a command changes: assign, claim, delegate, set the owner, add or delete a candidate
     * user or group; null for any other command.
     */
    public static String peopleChangeTask(Object command) {
        if (command instanceof AbstractAddIdentityLinkCmd c) {
            return c.taskId;
        }
        if (command instanceof DeleteIdentityLinkCmd c) {
            return c.taskId;
        }
        if (command instanceof ClaimTaskCmd c) {
            return c.taskId;
        }
        if (command instanceof DelegateTaskCmd c) {
            return c.taskId;
        }
        return null;
    }

    /**
     * The job a command executes or moves: {@code execute}, {@code duedate}, {@code recalculate}; null for any other
     * command. The due-date commands keep their job private: read by reflection, and if a release renamed the field
     * the guard answers "unknown job", which it refuses for a notice's timer (see EngineGuard).
     */
    public static String jobId(Object command) {
        if (command instanceof ExecuteJobsCmd c) {
            return c.jobId;
        }
        if (command instanceof SetJobDuedateCmd || command instanceof RecalculateJobDuedateCmd) {
            try {
                java.lang.reflect.Field f = command.getClass().getDeclaredField("jobId");
                f.setAccessible(true);
                Object id = f.get(command);
                return id == null ? UNKNOWN_JOB : id.toString();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return UNKNOWN_JOB;
            }
        }
        return null;
    }

    /** The process instances a command modifies or deletes one by one; empty for any other command. */
    public static java.util.List<String> modifiedOrDeletedInstances(Object command) {
        if (command instanceof ModifyProcessInstanceCmd c && c.builder != null) {
            return java.util.List.of(c.builder.getProcessInstanceId());
        }
        if (command instanceof DeleteProcessInstanceCmd c && c.processInstanceId != null) {
            return java.util.List.of(c.processInstanceId);
        }
        if (command instanceof DeleteProcessInstancesCmd c && c.processInstanceIds != null) {
            return java.util.List.copyOf(c.processInstanceIds);
        }
        return java.util.List.of();
    }

    /** A due-date command whose job could not be read. */
    public static final String UNKNOWN_JOB = "?";

    public record Completion(String taskId, Map<String, Object> variables) {
    }
}
