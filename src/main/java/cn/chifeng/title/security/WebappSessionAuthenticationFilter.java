package cn.chifeng.title.security;

import java.io.IOException;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The staff door to the API from Tasklist: a GET or HEAD (a link in a task form: the application, its materials)
 * is authenticated by the login session of the Camunda webapps, so that a reviewer need not log in twice. Anything
 * that changes state still needs the API's own authentication, so a foreign page cannot use the session (CSRF).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {
    private final EngineIdentity identity;
    /** Reads only (the API, whose writes need its own authentication) or every method (staff pages, CSRF-checked). */
    private final boolean readsOnly;

    WebappSessionAuthenticationFilter(EngineIdentity identity) {
        this(identity, true);
    }

    WebappSessionAuthenticationFilter(EngineIdentity identity, boolean readsOnly) {
        this.identity = identity;
        this.readsOnly = readsOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ((!readsOnly || isRead(request)) && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            String user = sessionUser(request);
            if (user != null) {
                ProductUser u = identity.user(user);
                if (!u.isApplicant()) {
                    SecurityContextHolder.getContext().setAuthentication(
                            EngineIdentityAuthenticationProvider.authenticated(u));
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    static String sessionUser(HttpServletRequest request) {
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
