package cn.chifeng.title.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Applicants never touch the engine: on {@code /engine-rest} (after Camunda's own authentication) every request of
 * an applicant is answered 403, whatever the resource — their own user account included; the webapps' login
 * refuses an applicant with the right password (403), and a webapp session of an applicant, should one exist, is
 * ended and refused on {@code /camunda/api}.
 */
class ApplicantBarrierFilter extends OncePerRequestFilter {
    private static final String MESSAGE = "申报人请使用申报系统（/api 及申报页面），不能使用审核和管理系统";

    private final EngineIdentity identity;
    private final IdentityService engineIdentity;

    ApplicantBarrierFilter(EngineIdentity identity, IdentityService engineIdentity) {
        this.identity = identity;
        this.engineIdentity = engineIdentity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.startsWith("/engine-rest/")) {
            Authentication a = engineIdentity.getCurrentAuthentication();
            if (a != null) {
                request.setAttribute(LoginThrottleFilter.ACCEPTED, a.getUserId());
            }
            if (a != null && a.getGroupIds() != null && a.getGroupIds().contains(Roles.APPLICANTS)) {
                JsonErrors.write(response, 403, "APPLICANT", MESSAGE);
                return;
            }
        } else if (LoginThrottleFilter.isWebappLogin(request)) {
            String user = request.getParameter("username");
            String password = request.getParameter("password");
            if (identity.isApplicant(user)) {
                if (password != null && identity.checkPassword(user, password)) {
                    request.setAttribute(LoginThrottleFilter.ACCEPTED, user);
                    JsonErrors.write(response, 403, "APPLICANT", MESSAGE);
                } else {
                    JsonErrors.write(response, 401, "UNAUTHENTICATED", "用户名或密码错误");
                }
                return;
            }
        } else if (uri.startsWith("/camunda/api/")) {
            if (sessionOfAnApplicant(request)) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                JsonErrors.write(response, 403, "APPLICANT", MESSAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** By the groups the webapps put into the session at login: no database query per request. */
    private static boolean sessionOfAnApplicant(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        var auths = org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null) {
            return false;
        }
        return auths.getAuthentications().stream()
                .filter(a -> a instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication)
                .map(a -> (org.camunda.bpm.webapp.impl.security.auth.UserAuthentication) a)
                .anyMatch(a -> a.getGroupIds() != null && a.getGroupIds().contains(Roles.APPLICANTS));
    }
}
