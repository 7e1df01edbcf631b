package cn.chifeng.title.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.IdDisputeProcess.Vars;

/** 身份证号归申诉人: the disputed account gives up the number and is unfrozen; the claimant may now register. */
@Component("giveIdNumberToClaimantDelegate")
class GiveIdNumberToClaimantDelegate implements JavaDelegate {
    private final IdDisputeService disputes;

    GiveIdNumberToClaimantDelegate(IdDisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolve(disputes, execution, Vars.CLAIMANT);
    }

    /** Records the outcome as whoever completed the verification task (Tasklist's user), or the system. */
    static void resolve(IdDisputeService disputes, DelegateExecution execution, String outcome) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object note = execution.getVariable(Vars.OUTCOME_NOTE);
        try {
            disputes.resolve(((Number) execution.getVariable(Vars.DISPUTE_ID)).longValue(), outcome,
                    note == null ? null : note.toString(), auth == null ? "system" : auth.getUserId());
        } catch (IllegalArgumentException e) {
            throw new NotValidException(e.getMessage());
        }
    }
}
