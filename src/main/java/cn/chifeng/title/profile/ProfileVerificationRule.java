package cn.chifeng.title.profile;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.TaskCompletionRule;
import cn.chifeng.title.common.Texts;
import cn.chifeng.title.process.ProfileVerificationProcess;
import cn.chifeng.title.process.ProfileVerificationProcess.Vars;

/**
 * The rules of the form 个人信息核实, checked by the engine guard before the completion runs: a conclusion, and a
 * reason when the profile is not verified (the applicant is sent it).
 */
@Component
class ProfileVerificationRule implements TaskCompletionRule {

    @Override
    public Set<String> forms() {
        return Set.of(ProfileVerificationProcess.FORM_VERIFY);
    }

    @Override
    public void check(Map<String, Object> submitted, Function<String, Object> taskVariable) {
        Object decision = submitted.get(Vars.VERIFICATION_DECISION);
        if (!Vars.VERIFIED.equals(decision) && !Vars.REJECTED.equals(decision)) {
            throw new BadUserRequestException("请选择核实结论（核实通过或不予核实）");
        }
        if (Vars.REJECTED.equals(decision)) {
            Object reason = submitted.get(Vars.REJECTION_REASON);
            String problem = Texts.problem(reason == null ? null : reason.toString(), "不予核实的理由",
                    ProfileService.REASON_LIMIT, true);
            if (problem != null) {
                throw new BadUserRequestException(problem);
            }
        }
    }
}
