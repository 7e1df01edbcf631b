package cn.chifeng.title.publicity;

import cn.chifeng.title.process.PublicityProcess;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.Zones;

/** Records the investigating body's outcome of an objection and lets the application go on if nothing else holds it. */
@Component("recordObjectionOutcomeDelegate")
class RecordObjectionOutcomeDelegate implements JavaDelegate {
    private final Publications publications;
    private final PublicityService publicity;
    private final Clock clock;

    RecordObjectionOutcomeDelegate(Publications publications, PublicityService publicity, Clock clock) {
        this.publications = publications;
        this.publicity = publicity;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable(PublicityProcess.Vars.OBJECTION_OUTCOME);
        if (!"UPHELD".equals(outcome) && !"DISMISSED".equals(outcome)) {
            throw new NotValidException("核查结果须为 UPHELD（异议成立）或 DISMISSED（异议不成立）");
        }
        String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? "system" : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
                .getUserId();
        long id = ((Number) execution.getVariable(PublicityProcess.Vars.OBJECTION_ID)).longValue();
        publications.resolveObjection(id, (String) outcome, (String) execution.getVariable(PublicityProcess.Vars.OBJECTION_NOTE), user,
                Zones.now(clock));
        publicity.clearIfDone((String) execution.getVariable(PublicityProcess.Vars.PUBLICATION_ID),
                (String) execution.getVariable(PublicityProcess.Vars.APPLICATION_ID));
    }
}
