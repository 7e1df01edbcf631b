package cn.chifeng.title.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff pages ({@code /staff/**}, linked from Tasklist forms; docs/adr/0008): signed in by the login session of the
 * Camunda webapps (no second login), every form protected by Spring Security's CSRF token kept in that session;
 * without a webapp login the page sends the browser to Tasklist's login; applicants never pass. Server-rendered
 * HTML without script under a strict CSP, never framed.
 */
@Configuration
class StaffPageSecurity {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(15)
    SecurityFilterChain staffPageChain(HttpSecurity http, EngineIdentity identity) throws Exception {
        http.securityMatcher("/staff/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity, false),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + "/camunda/app/tasklist/default/"))
                        .accessDeniedHandler((req, res, ex) -> {
                            res.setStatus(403);
                            res.setContentType("text/html;charset=UTF-8");
                            res.getWriter().write("<!doctype html><meta charset=utf-8><title>无权访问</title>"
                                    + "<p>无权执行此操作（页面已过期时请刷新后重试）。</p>");
                        }))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
