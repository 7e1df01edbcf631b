package cn.chifeng.title.eligibility;

import cn.chifeng.title.process.TitleApplicationProcess;

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
        Verdict v = Verdict.of((Map<String, Object>) execution.getVariable(TitleApplicationProcess.Vars.ELIGIBILITY));
        execution.setVariable(TitleApplicationProcess.Vars.ELIGIBILITY_DISPLAY, v.display());
        execution.setVariable(TitleApplicationProcess.Vars.ELIGIBILITY_CHANNEL, v.channel());
        execution.setVariable(TitleApplicationProcess.Vars.ELIGIBILITY_REASON, v.reasonText());
    }
}
