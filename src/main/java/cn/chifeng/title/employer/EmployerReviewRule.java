package cn.chifeng.title.employer;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.process.EmployerRegistrationProcess;
import cn.chifeng.title.process.EmployerRegistrationProcess.Vars;

/**
 * The rules of the form 单位注册审核, checked by the engine guard before the completion runs: a conclusion, and a
 * reason when the registration is not approved (the clerk is sent it).
 */
@Component
class EmployerReviewRule implements TaskCompletionRule {

    @Override
    public Set<String> forms() {
        return Set.of(EmployerRegistrationProcess.FORM_REVIEW);
    }

    @Override
    public void check(Map<String, Object> submitted, Function<String, Object> taskVariable) {
        Object decision = submitted.get(Vars.REGISTRATION_DECISION);
        if (!Vars.APPROVE.equals(decision) && !Vars.REJECT.equals(decision)) {
            throw new BadUserRequestException("请选择审核结论（通过或不予通过）");
        }
        Object reason = submitted.get(Vars.REJECTION_REASON);
        if (Vars.REJECT.equals(decision)) {
            String problem = Texts.problem(reason == null ? null : reason.toString(), "不予通过的理由",
                    EmployerDecisions.REASON_LIMIT, true);
            if (problem != null) {
                throw new BadUserRequestException(problem);
            }
        }
    }
}
