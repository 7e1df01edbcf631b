package cn.chifeng.title.profile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.ProfileVerificationProcess.Vars;

/** 记录不予核实: the profile is rejected with the verifier's reason, which the applicant is sent. */
@Component("recordProfileRejectedDelegate")
class RecordProfileRejectedDelegate implements JavaDelegate {
    private final ProfileService profiles;

    RecordProfileRejectedDelegate(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(Vars.REJECTION_REASON);
        try {
            profiles.rejected((String) execution.getVariable(Vars.PROFILE_USER_ID),
                    ((Number) execution.getVariable(Vars.VERIFICATION_NO)).intValue(),
                    RecordProfileVerifiedDelegate.decidedBy(execution), reason == null ? null : reason.toString());
        } catch (IllegalArgumentException e) {
            throw new NotValidException(e.getMessage());
        }
    }
}
