package cn.chifeng.title.employer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.EmployerRegistrationProcess.Vars;

/** 记录不予通过: the registration is rejected with the reviewer's reason, which its clerk is sent. */
@Component("rejectRegistrationDelegate")
class RejectRegistrationDelegate implements JavaDelegate {
    private final EmployerDecisions decisions;

    RejectRegistrationDelegate(EmployerDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(Vars.REJECTION_REASON);
        try {
            decisions.reject(((Number) execution.getVariable(Vars.REGISTRATION_ID)).longValue(),
                    RegisterEmployerDelegate.decidedBy(execution), reason == null ? null : reason.toString());
        } catch (IllegalArgumentException e) {
            throw new NotValidException(e.getMessage());
        }
    }
}
