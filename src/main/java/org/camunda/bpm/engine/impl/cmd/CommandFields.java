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

    public record Completion(String taskId, Map<String, Object> variables) {
    }
}
