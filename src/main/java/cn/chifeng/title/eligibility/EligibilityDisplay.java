package cn.chifeng.title.eligibility;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * After the eligibility decision of a submission: the verdict as text for every reviewer's form, its channel and
 * the reasons the applicant is shown if it ends the application.
 */
@Component("eligibilityDisplay")
public class EligibilityDisplay {

    @SuppressWarnings("unchecked")
    public void record(DelegateExecution execution) {
        Verdict v = Verdict.of((Map<String, Object>) execution.getVariable("eligibility"));
        execution.setVariable("eligibilityDisplay", v.display());
        execution.setVariable("eligibilityChannel", v.channel());
        execution.setVariable("eligibilityReason", v.reasonText());
    }
}
