package cn.chifeng.title.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Checks passwords and reads group memberships from the Camunda identity, always as the system. */
@Component
public class EngineIdentity {
    private final IdentityService identity;

    EngineIdentity(IdentityService identity) {
        this.identity = identity;
    }

    public boolean checkPassword(String user, String password) {
        return RunAs.system(identity, () -> identity.checkPassword(user, password));
    }

    public List<String> groups(String user) {
        return RunAs.system(identity, () -> identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    public ProductUser user(String id) {
        return new ProductUser(id, groups(id));
    }

    public boolean isApplicant(String user) {
        return user != null && RunAs.system(identity, () -> identity.createUserQuery().userId(user)
                .memberOfGroup(Roles.APPLICANTS).count() > 0);
    }

    public boolean exists(String user) {
        return RunAs.system(identity, () -> identity.createUserQuery().userId(user).count() > 0);
    }
}
