package cn.chifeng.title.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal ({@code /portal/**} and {@code /}: applicants, employers' clerks and the public; docs/adr/0011): Spring
 * Security's form login against the Camunda identity — by 身份证号, mobile number, e-mail or user id
 * ({@link LoginNames}), refused while an account is not confirmed or frozen ({@link AccountGate}), counted by the
 * {@link LoginThrottle} — a session of its own and CSRF tokens on every form. Pages that anybody may read (the notice
 * board, registration, the demo mailbox) are listed here; everything else needs a login. Pages load only their own
 * style sheet and script, are never framed and send no referrer elsewhere.
 */
@Configuration
class PortalSecurity {
    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** What the public reaches without logging in. */
    static final String[] PUBLIC = {"/", "/portal", "/portal/", "/portal/login", "/portal/register/**",
            "/portal/confirm/**", "/portal/password/**", "/portal/notices/**", "/portal/employers/register/**",
            "/portal/demo-mailbox/**", "/portal/assets/**", "/portal/error"};

    @Bean
    @Order(12)
    SecurityFilterChain portalChain(HttpSecurity http, EngineIdentity identity, LoginThrottle throttle,
                                    List<LoginNames> names, List<AccountGate> gates) throws Exception {
        http.securityMatcher("/", "/portal", "/portal/**")
                // its own manager, without the API's as a parent: a refused password is checked once
                .authenticationManager(new org.springframework.security.authentication.ProviderManager(
                        new PortalLogin(identity, throttle, names, gates)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/portal/login").loginProcessingUrl("/portal/login")
                        .usernameParameter("username").passwordParameter("password")
                        .defaultSuccessUrl("/portal/home", false)
                        .failureHandler((req, res, e) -> {
                            req.getSession().setAttribute(PortalLogin.ERROR, e.getMessage());
                            req.getSession().setAttribute(PortalLogin.LAST_NAME, req.getParameter("username"));
                            res.sendRedirect(req.getContextPath() + "/portal/login?error");
                        })
                        .permitAll())
                .logout(l -> l.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    res.setStatus(403);
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write("<!doctype html><meta charset=utf-8><title>无权访问</title>"
                            + "<p>无权执行此操作（页面已过期时请返回刷新后重试）。<a href=\"/portal/home\">返回首页</a></p>");
                }))
                .httpBasic(b -> b.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The portal's password check: resolves the login name, honours the login throttle (a blocked name gets no
     * password check), refuses gated accounts after a correct password only (no account probing), and records the
     * outcome with the throttle.
     */
    static final class PortalLogin implements AuthenticationProvider {
        static final String ERROR = PortalLogin.class.getName() + ".error";
        static final String LAST_NAME = PortalLogin.class.getName() + ".name";
        private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
                .ofPattern("HH:mm");
        private final EngineIdentity identity;
        private final LoginThrottle throttle;
        private final List<LoginNames> names;
        private final List<AccountGate> gates;

        PortalLogin(EngineIdentity identity, LoginThrottle throttle, List<LoginNames> names, List<AccountGate> gates) {
            this.identity = identity;
            this.throttle = throttle;
            this.names = names;
            this.gates = gates;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            String typed = authentication.getName() == null ? "" : authentication.getName().trim();
            Object password = authentication.getCredentials();
            if (typed.isEmpty() || password == null || password.toString().isEmpty()) {
                throw new BadCredentialsException("请填写登录名和密码");
            }
            String user = names.stream().map(n -> n.userIdOf(typed)).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(typed);
            String address = address();
            var blocked = throttle.blockedUntil(user, address);
            if (blocked.isPresent()) {
                throw new LockedException("登录失败次数过多，请于 " + blocked.get().atZoneSameInstant(
                        cn.chifeng.title.common.Zones.CHINA).format(TIME) + " 后再试");
            }
            if (!identity.checkPassword(user, password.toString())) {
                throttle.failed(user, address);
                throw new BadCredentialsException("登录名或密码错误");
            }
            throttle.succeeded(user, address);
            for (AccountGate gate : gates) {
                String refusal = gate.refusal(user);
                if (refusal != null) {
                    throw new LockedException(refusal);
                }
            }
            ProductUser u = identity.user(user);
            if (u.isAdmin()) {
                // administrators work in Cockpit and Admin; the portal is for applicants, units and the public
                throw new LockedException("系统管理员请登录 Camunda 管理端，门户仅供申报人和用人单位使用");
            }
            return EngineIdentityAuthenticationProvider.authenticated(u);
        }

        private static String address() {
            var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
            if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s) {
                HttpServletRequest r = s.getRequest();
                return r.getRemoteAddr();
            }
            return "unknown";
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
