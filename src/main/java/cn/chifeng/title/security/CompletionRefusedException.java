package cn.chifeng.title.security;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion that its form does not allow: a field the form lacks, a value of the wrong type, too long or
 * not offered, or a refusal by a {@link cn.chifeng.title.common.TaskCompletionRule}. A form-field validation
 * failure to the engine and its REST API (400, not 500); {@link CompletionErrorFilter} shows the message alone.
 */
public class CompletionRefusedException extends FormFieldValidationException {
    public CompletionRefusedException(String field, String message) {
        super(field, message);
    }
}
