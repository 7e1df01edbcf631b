package cn.chifeng.title.application;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.chifeng.title.credit.PolicyLedger;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.notification.NotificationTemplates;
import cn.chifeng.title.eligibility.Verdict;

/**
 * Keeps the status of the application register in step with the process; called from the model as
 * {@code ${applicationStatus.mark(execution, 'RETURNED')}} in the same transaction as the step.
 */
@Component("applicationStatus")
public class ApplicationStatusUpdater {
    private final ApplicationRepository applications;
    private final PolicyLedger ledger;
    private final NotificationOutbox outbox;
    private final NotificationTemplates templates;
    private final Dossiers dossiers;

    ApplicationStatusUpdater(ApplicationRepository applications, PolicyLedger ledger, NotificationOutbox outbox,
                             NotificationTemplates templates, Dossiers dossiers) {
        this.applications = applications;
        this.ledger = ledger;
        this.outbox = outbox;
        this.templates = templates;
        this.dossiers = dossiers;
    }

    public void mark(DelegateExecution execution, String status) {
        ApplicationStatus s = ApplicationStatus.valueOf(status);
        String reason = reason(execution, s);
        applications.setStatus((String) execution.getVariable("applicationId"), s, reason);
        notifyApplicant(execution, s, reason);
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
            case RETURNED, REJECTED, CANCELLED, CORRECTION_REQUESTED -> (String) execution.getVariable("lastComment");
            default -> null;
        };
    }

    /** The applicant hears of every status that concerns them, by e-mail and in the in-app list. */
    private void notifyApplicant(DelegateExecution execution, ApplicationStatus s, String reason) {
        if (!templates.has(s.name())) {
            return;
        }
        ApplicationRecord a = applications.find((String) execution.getVariable("applicationId")).orElseThrow();
        Dossier d = dossiers.parse(a.dossierJson());
        Map<String, String> values = new java.util.HashMap<>();
        values.put("applicantName", a.applicantName());
        values.put("applicationId", a.id());
        values.put("season", Integer.toString(a.season()));
        values.put("seriesLabel", Series.valueOf(a.series()).label());
        values.put("targetLevelLabel", Level.valueOf(a.targetLevel()).label());
        values.put("statusLabel", s.label());
        values.put("reason", reason == null ? "" : reason);
        values.put("deadline", String.valueOf(execution.getVariable("correctionDeadlineDay")));
        values.put("link", "/api/applications/" + a.id());
        outbox.enqueue(s.name(), a.id(), a.applicantUserId(), d.email(), values);
    }
}
