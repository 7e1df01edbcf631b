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

    /**
     * Runs engine calls as the system, after the caller's rights were checked by the product's own rules (e.g. a
     * committee publishing its results, anyone filing an objection); the caller's authentication is restored.
     */
    public static <T> T system(IdentityService identity, Supplier<T> action) {
        org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
