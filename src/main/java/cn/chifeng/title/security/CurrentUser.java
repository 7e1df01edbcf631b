package cn.chifeng.title.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException;

/** The user of the current API request, as set on the engine by {@link ApiAuthenticationFilter}. */
@Component
public class CurrentUser {
    private final IdentityService identity;

    CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        Authentication a = identity.getCurrentAuthentication();
        if (a == null) {
            throw ApiException.forbidden("请先登录");
        }
        return a.getUserId();
    }

    public List<String> groups() {
        Authentication a = identity.getCurrentAuthentication();
        return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
    }

    public boolean isAdmin() {
        return groups().contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean inGroup(String group) {
        return groups().contains(group);
    }

    public void requireAdmin() {
        id();
        if (!isAdmin()) {
            throw ApiException.forbidden("仅系统管理员可执行此操作");
        }
    }
}
