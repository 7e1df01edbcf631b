package cn.chifeng.title.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

/** A recalled approval: the route one stage back, whose body reviews again (its task is made anew). */
@Component("recallApprovalDelegate")
class RecallApprovalDelegate implements JavaDelegate {
    private final StageAdvance advance;

    RecallApprovalDelegate(StageAdvance advance) {
        this.advance = advance;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        StageAdvance.Next back = advance.back((String) execution.getVariable(Vars.APPLICATION_ID),
                (List<String>) execution.getVariable(Vars.ROUTE), (List<String>) execution.getVariable(Vars.ROUTE_GROUPS),
                ((Number) execution.getVariable(Vars.ROUTE_INDEX)).intValue());
        execution.setVariable(Vars.ROUTE_INDEX, back.index());
        execution.setVariable(Vars.CURRENT_STAGE, back.stage());
        execution.setVariable(Vars.STAGE_GROUP, back.group());
    }
}
