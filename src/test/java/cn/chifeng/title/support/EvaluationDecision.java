package cn.chifeng.title.support;

import org.camunda.bpm.engine.ProcessEngine;

import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * For tests of what comes before or after the committee: sends an application waiting at
 * {@code Receive_CommitteeEvaluation} its result, as an evaluation session's close does (EvaluationSessionIT runs
 * the session itself).
 */
public final class EvaluationDecision {
    private EvaluationDecision() {
    }

    public static void decide(ProcessEngine engine, String processInstanceId, String result) {
        engine.getRuntimeService().createMessageCorrelation(TitleApplicationProcess.MESSAGE_EVALUATION_DECIDED)
                .processInstanceId(processInstanceId)
                .setVariable(TitleApplicationProcess.Vars.EVALUATION_RESULT, result)
                .correlate();
    }
}
