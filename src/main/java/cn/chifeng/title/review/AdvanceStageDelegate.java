package cn.chifeng.title.review;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRepository;

/** After an approval: moves the application to the next stage of its route, or marks the route complete. */
@Component("advanceStageDelegate")
class AdvanceStageDelegate implements JavaDelegate {
    private final ApplicationRepository applications;
    private final DecisionService decisions;

    AdvanceStageDelegate(ApplicationRepository applications, DecisionService decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<String> route = (List<String>) execution.getVariable(Vars.ROUTE);
        List<String> groups = (List<String>) execution.getVariable(Vars.ROUTE_GROUPS);
        int next = ((Number) execution.getVariable(Vars.ROUTE_INDEX)).intValue() + 1;
        String applicationId = (String) execution.getVariable(Vars.APPLICATION_ID);
        boolean complete = next >= route.size();
        execution.setVariable(Vars.ROUTE_COMPLETE, complete);
        // REV-1, REV-3: does the stage just approved publish before the application moves on? (DMN stage-publicity)
        String kind = decisions.evaluateDecisionTableByKey("stage-publicity", Variables.createVariables()
                .putValue("stage", route.get(next - 1))
                .putValue("employerLevel", execution.getVariable("employerLevel"))).getSingleResult()
                .getEntry("kind");
        execution.setVariable("stagePublicity", kind);
        execution.setVariable("publicityGroup", groups.get(next - 1));
        if (complete) {
            applications.setCurrentStage(applicationId, null);
            return;
        }
        execution.setVariable(Vars.ROUTE_INDEX, next);
        execution.setVariable(Vars.CURRENT_STAGE, route.get(next));
        execution.setVariable(Vars.STAGE_GROUP, groups.get(next));
        applications.setCurrentStage(applicationId, route.get(next));
    }
}
