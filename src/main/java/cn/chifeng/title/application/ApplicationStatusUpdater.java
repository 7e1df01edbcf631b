package cn.chifeng.title.application;

import cn.chifeng.title.process.TitleApplicationProcess;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

/**
 * Keeps the status of the application register in step with the process; called from the model as
 * {@code ${applicationStatus.mark(execution, 'RETURNED')}} in the same transaction as the step, and tells whoever
 * listens ({@link ApplicationStatusChanged}: the applicant's message, the once-only policy ledger) in that
 * transaction too.
 */
@Component("applicationStatus")
public class ApplicationStatusUpdater {
    /** Process facts handed to the listeners of a status change. */
    static final String[] FACTS = {TitleApplicationProcess.Vars.ELIGIBILITY_CHANNEL,
            TitleApplicationProcess.Vars.CORRECTION_DEADLINE_DAY};

    private final ApplicationRepository applications;
    private final ApplicationEventPublisher events;

    ApplicationStatusUpdater(ApplicationRepository applications, ApplicationEventPublisher events) {
        this.applications = applications;
        this.events = events;
    }

    public void mark(DelegateExecution execution, String status) {
        ApplicationStatus s = ApplicationStatus.valueOf(status);
        String id = (String) execution.getVariable(Vars.APPLICATION_ID);
        String reason = reason(execution, s);
        applications.setStatus(id, s, reason);
        execution.setVariable(TitleApplicationProcess.Vars.STATUS, s.name());
        if (s.isFinal() || s == ApplicationStatus.RETURNED) {
            applications.setCurrentStage(id, null);
        } else if (s == ApplicationStatus.IN_REVIEW
                && execution.getVariable(TitleApplicationProcess.Vars.CURRENT_STAGE) instanceof String stage) {
            // back in review after a return or a correction: at the stage it left (REV-8)
            applications.setCurrentStage(id, stage);
        }
        Map<String, String> facts = new HashMap<>();
        for (String name : FACTS) {
            Object value = execution.getVariable(name);
            if (value != null) {
                facts.put(name, value.toString());
            }
        }
        events.publishEvent(new ApplicationStatusChanged(applications.find(id).orElseThrow(), s, reason, facts));
    }

    /** The reason shown to the applicant: the verdict's reasons, or the reviewer's comment that decided it. */
    private static String reason(DelegateExecution execution, ApplicationStatus s) {
        return switch (s) {
            case INELIGIBLE -> (String) execution.getVariable(TitleApplicationProcess.Vars.ELIGIBILITY_REASON);
            case RETURNED, REJECTED, CANCELLED, CORRECTION_REQUESTED -> (String) execution.getVariable(Vars.LAST_COMMENT);
            case NOT_PASSED -> (String) execution.getVariable(TitleApplicationProcess.Vars.EVALUATION_NOTE);
            default -> null;
        };
    }
}
