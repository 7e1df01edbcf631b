package cn.chifeng.title.account;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.process.IdDisputeProcess;
import cn.chifeng.title.process.IdDisputeProcess.Vars;

/**
 * The rules of the form 身份证号申诉核查, checked by the engine guard before the completion runs: a conclusion, and
 * always a note of what the county found (both parties are sent it).
 */
@Component
class IdDisputeRule implements TaskCompletionRule {

    @Override
    public Set<String> forms() {
        return Set.of(IdDisputeProcess.FORM_VERIFY);
    }

    @Override
    public void check(Map<String, Object> submitted, Function<String, Object> taskVariable) {
        Object outcome = submitted.get(Vars.DISPUTE_OUTCOME);
        if (!Vars.CLAIMANT.equals(outcome) && !Vars.HOLDER.equals(outcome)) {
            throw new BadUserRequestException("请选择核查结论（归申诉人或归原账号）");
        }
        Object note = submitted.get(Vars.OUTCOME_NOTE);
        String problem = Texts.problem(note == null ? null : note.toString(), "核查情况", IdDisputeService.NOTE_LIMIT,
                true);
        if (problem != null) {
            throw new BadUserRequestException(problem);
        }
    }
}
