package cn.chifeng.title.review;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRepository;

/**
 * After an approval: where the application goes next on its route, and whether the stage just approved publishes
 * first (REV-1, REV-3: DMN {@code stage-publicity}); the register follows.
 */
@Service
class StageAdvance {
    private final ApplicationRepository applications;
    private final DecisionService decisions;

    StageAdvance(ApplicationRepository applications, DecisionService decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    /** Where an approval at {@code index} of the route leads. */
    record Next(boolean complete, int index, String stage, String group, String publicity, String publicityGroup) {
    }

    Next after(String applicationId, List<String> route, List<String> groups, int index, Object employerLevel) {
        String publicity = decisions.evaluateDecisionTableByKey("stage-publicity", Variables.createVariables()
                .putValue("stage", route.get(index))
                .putValue("employerLevel", employerLevel)).getSingleResult().getEntry("kind");
        int next = index + 1;
        if (next >= route.size()) {
            applications.setCurrentStage(applicationId, null);
            return new Next(true, index, null, null, publicity, groups.get(index));
        }
        applications.setCurrentStage(applicationId, route.get(next));
        return new Next(false, next, route.get(next), groups.get(next), publicity, groups.get(index));
    }

    /** Back to the stage before {@code index} (a recalled approval); the register follows. */
    Next back(String applicationId, List<String> route, List<String> groups, int index) {
        if (index <= 0 || index >= route.size() + 1) {
            throw new IllegalStateException("申报 " + applicationId + " 的审核路径没有可撤回的上一环节");
        }
        int back = index - 1;
        applications.setCurrentStage(applicationId, route.get(back));
        return new Next(false, back, route.get(back), groups.get(back), null, null);
    }
}
