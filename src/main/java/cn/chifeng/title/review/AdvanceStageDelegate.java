package cn.chifeng.title.review;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AdvanceStage}: after an approval the application moves on its route; see {@link StageAdvance}. */
@Component("advanceStageDelegate")
class AdvanceStageDelegate implements JavaDelegate {
    private final StageAdvance advance;

    AdvanceStageDelegate(StageAdvance advance) {
        this.advance = advance;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        StageAdvance.Next next = advance.after((String) execution.getVariable(Vars.APPLICATION_ID),
                (List<String>) execution.getVariable(Vars.ROUTE), (List<String>) execution.getVariable(Vars.ROUTE_GROUPS),
                ((Number) execution.getVariable(Vars.ROUTE_INDEX)).intValue(),
                execution.getVariable(Vars.EMPLOYER_LEVEL));
        execution.setVariable(Vars.ROUTE_COMPLETE, next.complete());
        execution.setVariable(Vars.STAGE_PUBLICITY, next.publicity());
        execution.setVariable(Vars.PUBLICITY_GROUP, next.publicityGroup());
        if (!next.complete()) {
            execution.setVariable(Vars.ROUTE_INDEX, next.index());
            execution.setVariable(Vars.CURRENT_STAGE, next.stage());
            execution.setVariable(Vars.STAGE_GROUP, next.group());
        }
    }
}
