package cn.chifeng.title.publicity;

import cn.chifeng.title.process.PublicityProcess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The period is over: applications without open objections go on. */
@Component("closePublicationDelegate")
class ClosePublicationDelegate implements JavaDelegate {
    private final PublicityService publicity;

    ClosePublicationDelegate(PublicityService publicity) {
        this.publicity = publicity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        publicity.close((String) execution.getVariable(PublicityProcess.Vars.PUBLICATION_ID));
    }
}
