package cn.chifeng.title.employer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.EmployerRegistrationProcess.Vars;

/** 登记用人单位: the approved registration becomes a 用人单位 with its group, grants, filters and clerk account. */
@Component("registerEmployerDelegate")
class RegisterEmployerDelegate implements JavaDelegate {
    private final EmployerDecisions decisions;

    RegisterEmployerDelegate(EmployerDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.approve(((Number) execution.getVariable(Vars.REGISTRATION_ID)).longValue(), decidedBy(execution));
    }

    /** Who completed the review task (Tasklist's user), or the system. */
    static String decidedBy(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? "system" : auth.getUserId();
    }
}
