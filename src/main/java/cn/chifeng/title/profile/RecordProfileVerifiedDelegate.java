package cn.chifeng.title.profile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.process.ProfileVerificationProcess.Vars;

/** 记录核实通过: the profile is verified for its employer (or talent centre); the applicant is told. */
@Component("recordProfileVerifiedDelegate")
class RecordProfileVerifiedDelegate implements JavaDelegate {
    private final ProfileService profiles;

    RecordProfileVerifiedDelegate(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        profiles.verified((String) execution.getVariable(Vars.PROFILE_USER_ID),
                ((Number) execution.getVariable(Vars.VERIFICATION_NO)).intValue(), decidedBy(execution));
    }

    /** Who completed the verification task (Tasklist's user), or the system. */
    static String decidedBy(DelegateExecution execution) {
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? "system" : auth.getUserId();
    }
}
