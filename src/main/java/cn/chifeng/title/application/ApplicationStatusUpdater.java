package cn.chifeng.title.application;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the status of the application register in step with the process; called from the model as
 * {@code ${applicationStatus.mark(execution, 'RETURNED')}} in the same transaction as the step.
 */
@Component("applicationStatus")
public class ApplicationStatusUpdater {
    private final ApplicationRepository applications;

    ApplicationStatusUpdater(ApplicationRepository applications) {
        this.applications = applications;
    }

    public void mark(DelegateExecution execution, String status) {
        ApplicationStatus s = ApplicationStatus.valueOf(status);
        applications.setStatus((String) execution.getVariable("applicationId"), s, reason(execution, s));
        execution.setVariable("status", s.name());
        if (s.isFinal() || s == ApplicationStatus.RETURNED) {
            applications.setCurrentStage((String) execution.getVariable("applicationId"), null);
        }
    }

    /** The reason shown to the applicant: the verdict's reason, or the reviewer's comment that decided it. */
    private static String reason(DelegateExecution execution, ApplicationStatus s) {
        return switch (s) {
            case INELIGIBLE -> execution.getVariable("eligibility") instanceof Map<?, ?> m
                    ? String.valueOf(m.get("reason")) : null;
            case RETURNED, REJECTED, CANCELLED -> (String) execution.getVariable("lastComment");
            default -> null;
        };
    }
}
