package cn.chifeng.title.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.chifeng.title.common.ApiException;

/**
 * The caller of the current API request, as Spring Security authenticated it. The engine never sees this user: the
 * product acts on the engine as the system after its own checks, and records the user explicitly.
 */
@Component
public class CurrentUser {

    public ProductUser user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof ProductUser u)) {
            throw ApiException.unauthenticated();
        }
        return u;
    }

    public String id() {
        return user().id();
    }

    /** Whether a user is signed in for this request (the product's own start-up and jobs run without one). */
    public boolean isAuthenticated() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof ProductUser;
    }

    public List<String> groups() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof ProductUser u ? u.groups() : List.of();
    }

    public boolean isAdmin() {
        return groups().contains(Roles.ADMIN);
    }

    public boolean isApplicant() {
        return groups().contains(Roles.APPLICANTS);
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

    /** Staff only: applicants are refused (e.g. reading other people's applications as a reviewer). */
    public void requireStaff() {
        id();
        if (isApplicant()) {
            throw ApiException.forbidden("申报人不能执行此操作");
        }
    }
}
