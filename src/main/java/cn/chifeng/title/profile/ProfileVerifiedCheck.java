package cn.chifeng.title.profile;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.chifeng.title.account.Accounts;
import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.SubmissionCheck;

/**
 * APP-1: an applicant submits (in one step or a draft) only once their profile is verified for the dossier's
 * employer — for a freelancer, by the talent service centre of the dossier's county. Only applicants with a portal
 * account (who have a profile page) are gated; accounts made by the API or the demo seeder have no profile and are
 * not. Switched by {@code title.profile.verification-required} (on by default).
 */
@Component
class ProfileVerifiedCheck implements SubmissionCheck {
    private final ProfileService profiles;
    private final Accounts accounts;
    private final boolean required;

    ProfileVerifiedCheck(ProfileService profiles, Accounts accounts,
                         @Value("${title.profile.verification-required:true}") boolean required) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.required = required;
    }

    @Override
    public List<String> problems(ApplicationRecord application, Dossier dossier) {
        String user = dossier.applicantUserId();
        if (!required || user == null || accounts.find(user).isEmpty()) {
            return List.of();
        }
        String target = Profile.target(dossier.employerCode(), dossier.county());
        Profile profile = profiles.of(user).orElse(null);
        if (profile != null && profile.verifiedFor(target)) {
            return List.of();
        }
        String verifier = profiles.verifierName(dossier.employerCode(), dossier.county());
        String hint = profile == null ? "请先在“个人信息”页填写并提交核实"
                : profile.status() == Profile.Status.PENDING && profile.verificationTarget().equals(target)
                ? "正在核实中，请等待核实结果"
                : profile.status() == Profile.Status.REJECTED && profile.verificationTarget().equals(target)
                ? "未通过核实，请在“个人信息”页修改后重新提交"
                : "个人信息中的工作单位与申报不一致，请在“个人信息”页更新后提交核实";
        return List.of("个人信息尚未经" + verifier + "核实（" + hint + "）");
    }
}
