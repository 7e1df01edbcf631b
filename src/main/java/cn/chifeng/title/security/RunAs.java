package cn.chifeng.title.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Runs code as a user: {@link #user} on the engine, as Tasklist and {@code /engine-rest} do; {@link #caller} as a
 * caller of the product's API, as {@code /api} does (Spring Security knows the user, the engine does not).
 */
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

    /** As the API's caller: the product's code sees the user, the engine sees the system (docs/adr/0008). */
    public static <T> T caller(IdentityService identity, String user, Supplier<T> action) {
        List<String> groups = system(identity, () -> identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        context.setAuthentication(EngineIdentityAuthenticationProvider.authenticated(new ProductUser(user, groups)));
        try {
            return system(identity, action);
        } finally {
            context.setAuthentication(before);
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
