package cn.chifeng.title.review;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EscalateReview}: the review close has come while a stage still waits (SEA-3); see {@link ReviewEscalation}. */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {
    private final ReviewEscalation escalation;

    EscalateReviewDelegate(ReviewEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        escalation.escalate((String) execution.getVariable(Vars.APPLICATION_ID),
                (String) execution.getVariable(Vars.CURRENT_STAGE),
                (List<String>) execution.getVariable(Vars.ROUTE_GROUPS),
                ((Number) execution.getVariable(Vars.ROUTE_INDEX)).intValue(),
                String.valueOf(execution.getVariable(Vars.REVIEW_CLOSE_DAY)));
    }
}
