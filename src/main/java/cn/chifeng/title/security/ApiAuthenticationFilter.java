package cn.chifeng.title.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/*}: HTTP Basic against the Camunda identity, or, for reading (GET/HEAD), the session
 * of the Camunda webapps so that links in a Tasklist form open without a second login. State-changing requests
 * need HTTP Basic, so a foreign page cannot use a reviewer's session (no CSRF). The user and groups are set on
 * the engine for the request, so the engine's authorization checks apply to API calls as well.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {
    private final IdentityService identity;

    public ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request);
        if (user == null && isRead(request)) {
            user = sessionUser(request);
        }
        if (user == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"title-evaluation\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(
                    "{\"error\":\"UNAUTHENTICATED\",\"message\":\"请先登录（HTTP Basic 用户名和密码）\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        try {
            identity.setAuthentication(user, groups, tenants);
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }

    private static String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        if (auths == null) {
            return null;
        }
        Authentication a = auths.getAuthenticationForProcessEngine("default");
        return a instanceof UserAuthentication ua ? ua.getIdentityId() : null;
    }
}
