package cn.chifeng.title.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs code authenticated on the engine as a user with their groups, as the webapps and the API do. */
public final class RunAs {
    private RunAs() {
    }

    public static <T> T user(IdentityService identity, String user, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
