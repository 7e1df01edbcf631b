package cn.chifeng.title.committee;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

/** {@code Task_FlagLateEvaluation}: the evaluation close has come (SEA-5); see {@link LateEvaluations}. */
@Component("flagLateEvaluationDelegate")
class FlagLateEvaluationDelegate implements JavaDelegate {
    private final LateEvaluations late;

    FlagLateEvaluationDelegate(LateEvaluations late) {
        this.late = late;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean overdue = late.reportIfOverdue((String) execution.getVariable(Vars.APPLICATION_ID),
                (String) execution.getVariable(Vars.COMMITTEE_GROUP),
                String.valueOf(execution.getVariable(Vars.EVALUATION_CLOSE_DAY)));
        execution.setVariable(Vars.EVALUATION_OVERDUE, overdue);
    }
}
