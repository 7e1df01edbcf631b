package cn.chifeng.title.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

import org.springframework.web.filter.OncePerRequestFilter;

import cn.chifeng.title.common.Zones;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of every login door — HTTP Basic on {@code /api} and {@code /engine-rest}, the webapps' login form — and
 * before the password is checked: a user blocked from this address by {@link LoginThrottle} gets 429 with
 * {@code Retry-After}; otherwise the door decides and its answer is counted (401: a failure; anything else: the
 * password was accepted). Requests without credentials pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
    /** Set by the door when it accepted the password; only this (or a 2xx of the webapps' login) clears a count. */
    static final String ACCEPTED = LoginThrottleFilter.class.getName() + ".accepted";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = loginUser(request);
        if (user == null || user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<OffsetDateTime> blocked = throttle.blockedUntil(user, address);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, Duration.between(throttle.now(), blocked.get()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            JsonErrors.write(response, 429, "TOO_MANY_LOGIN_FAILURES", "登录失败次数过多，请于 "
                    + blocked.get().atZoneSameInstant(Zones.CHINA).format(TIME) + " 后再试，或请系统管理员解除");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(user, address);
        } else if (request.getAttribute(ACCEPTED) != null
                || isWebappLogin(request) && response.getStatus() >= 200 && response.getStatus() < 300) {
            throttle.succeeded(user, address);
        }
        // any other answer (a refused CSRF token, a firewall's 400, ...) says nothing about the password
    }

    static boolean isWebappLogin(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.startsWith(WEBAPP_LOGIN) && uri.contains("/login/") && "POST".equals(request.getMethod());
    }

    /** The user name a request logs in with: HTTP Basic, or the webapps' login form; null if none. */
    static String loginUser(HttpServletRequest request) {
        if (isWebappLogin(request)) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
