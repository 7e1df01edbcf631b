package cn.chifeng.title.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.IdDisputeProcess.Vars;

/** 身份证号归原账号: the dispute is not upheld; the account keeps the number and is unfrozen. */
@Component("keepIdNumberWithHolderDelegate")
class KeepIdNumberWithHolderDelegate implements JavaDelegate {
    private final IdDisputeService disputes;

    KeepIdNumberWithHolderDelegate(IdDisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        GiveIdNumberToClaimantDelegate.resolve(disputes, execution, Vars.HOLDER);
    }
}
