package cn.chifeng.title.application;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.chifeng.title.credit.PolicyLedger;
import cn.chifeng.title.eligibility.Verdict;

/**
 * Keeps the status of the application register in step with the process; called from the model as
 * {@code ${applicationStatus.mark(execution, 'RETURNED')}} in the same transaction as the step.
 */
@Component("applicationStatus")
public class ApplicationStatusUpdater {
    private final ApplicationRepository applications;
    private final PolicyLedger ledger;

    ApplicationStatusUpdater(ApplicationRepository applications, PolicyLedger ledger) {
        this.applications = applications;
        this.ledger = ledger;
    }

    public void mark(DelegateExecution execution, String status) {
        ApplicationStatus s = ApplicationStatus.valueOf(status);
        applications.setStatus((String) execution.getVariable("applicationId"), s, reason(execution, s));
        execution.setVariable("status", s.name());
        Object channel = execution.getVariable("eligibilityChannel");
        if (s == ApplicationStatus.PASSED && (PolicyLedger.GREEN_CHANNEL.equals(channel)
                || PolicyLedger.FRONTLINE_MEDICAL.equals(channel))) {
            // ELI-4, ELI-10: a once-only policy is used when the evaluation it opened is passed
            ApplicationRecord a = applications.find((String) execution.getVariable("applicationId")).orElseThrow();
            ledger.record(a.idNumber(), (String) channel, a.season(), a.id(),
                    a.updatedAt().toLocalDate());
        }
        if (s.isFinal() || s == ApplicationStatus.RETURNED) {
            applications.setCurrentStage((String) execution.getVariable("applicationId"), null);
        }
    }

    /** The reason shown to the applicant: the verdict's reason, or the reviewer's comment that decided it. */
    @SuppressWarnings("unchecked")
    private static String reason(DelegateExecution execution, ApplicationStatus s) {
        return switch (s) {
            case INELIGIBLE -> execution.getVariable("eligibility") instanceof Map<?, ?> m
                    ? Verdict.of((Map<String, Object>) m).reasonText() : null;
            case RETURNED, REJECTED, CANCELLED -> (String) execution.getVariable("lastComment");
            default -> null;
        };
    }
}
