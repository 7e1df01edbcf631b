package cn.chifeng.title.expert;

import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.Roles;

/**
 * Who may see and change a committee's pool: its office (members of the committee's group) and administrators
 * change it; supervisors (纪检监督) read it too; everybody else is refused. A committee that is not a committee
 * office is not found.
 */
@Component
class PoolAccess {
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;

    PoolAccess(OrganisationDirectory organisations, CurrentUser currentUser) {
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** The committee office, when the caller may read its pool. */
    Body read(String committee) {
        Body office = office(committee);
        currentUser.id();
        if (!mayWrite(committee) && !currentUser.inGroup(Roles.SUPERVISORS)) {
            throw ApiException.forbidden("只有该评委会办事机构、系统管理员和纪检监督人员可以查看评审专家库");
        }
        return office;
    }

    /** The committee office, when the caller may change its pool. */
    Body write(String committee) {
        Body office = office(committee);
        currentUser.id();
        if (!mayWrite(committee)) {
            throw ApiException.forbidden("只有该评委会办事机构和系统管理员可以维护评审专家库");
        }
        return office;
    }

    private boolean mayWrite(String committee) {
        return currentUser.isAdmin() || currentUser.inGroup(committee);
    }

    private Body office(String committee) {
        return organisations.body(committee).filter(b -> b.kind() == BodyKind.COMMITTEE_OFFICE)
                .orElseThrow(() -> ApiException.notFound("评委会（办事机构）不存在：" + committee));
    }
}
