package cn.chifeng.title.review;

import static cn.chifeng.title.process.TitleApplicationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/** On completion of the committee evaluation: the result must be PASSED or NOT_PASSED. */
@Component("evaluationResultListener")
class EvaluationResultListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object result = task.getVariable(Vars.EVALUATION_RESULT);
        if (!"PASSED".equals(result) && !"NOT_PASSED".equals(result)) {
            throw new NotValidException("评审结果无效：须为 PASSED（通过）或 NOT_PASSED（未通过）");
        }
        String user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        if (task.getAssignee() == null && user != null) {
            task.setAssignee(user);
        }
    }
}
