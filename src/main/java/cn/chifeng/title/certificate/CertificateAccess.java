package cn.chifeng.title.certificate;

import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.security.CurrentUser;

/** Who may do what with a certificate beyond the public look-up. */
@Component
class CertificateAccess {
    private final CurrentUser currentUser;
    private final OrganisationDirectory organisations;

    CertificateAccess(CurrentUser currentUser, OrganisationDirectory organisations) {
        this.currentUser = currentUser;
        this.organisations = organisations;
    }

    /** The holder (the application's applicant), the committee office that evaluated it, administrators. */
    boolean mayHold(ApplicationRecord a, String committeeGroup) {
        String caller = currentUser.id();
        return currentUser.isAdmin() || a.applicantUserId().equals(caller)
                || committeeGroup != null && currentUser.inGroup(committeeGroup);
    }

    /** 通知 六(二): the HR department revokes — the city HR bureau here — and administrators. */
    boolean mayRevoke() {
        currentUser.id();
        return currentUser.isAdmin() || organisations.cityBody(OrganisationDirectory.BodyKind.CITY_HR)
                .map(b -> currentUser.inGroup(b.id())).orElse(false);
    }

    void requireAdmin() {
        currentUser.requireAdmin();
    }

    String userId() {
        return currentUser.id();
    }

    /** The committee's name for a committee-office group (…评审委员会办事机构 → …评审委员会), or null. */
    String committeeName(String committeeGroup) {
        if (committeeGroup == null) {
            return null;
        }
        String name = organisations.groupName(committeeGroup);
        return name.endsWith("办事机构") ? name.substring(0, name.length() - "办事机构".length()) : name;
    }
}
