package cn.chifeng.title.common;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A domain rule on what a person may submit when completing a task of one of {@link #forms()}, checked by the
 * engine guard before the engine runs (so that a refusal is a clean 400 with the rule's Chinese message) and again
 * by the process's own listeners. Throws {@link org.camunda.bpm.engine.BadUserRequestException} to refuse.
 */
public interface TaskCompletionRule {
    /** The ids of the Camunda Forms (the task's {@code formRef}) this rule applies to. */
    Set<String> forms();

    /**
     * @param submitted    the variables the completion sets (already limited to the form's fields)
     * @param taskVariable the task's current variables, read as the system
     */
    void check(Map<String, Object> submitted, Function<String, Object> taskVariable);
}
