package cn.chifeng.title.application;

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
        applications.setStatus((String) execution.getVariable("applicationId"), s);
        execution.setVariable("status", s.name());
        if (s.isFinal()) {
            applications.setCurrentStage((String) execution.getVariable("applicationId"), null);
        }
    }
}
