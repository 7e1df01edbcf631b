package cn.chifeng.title.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The product's own doors belong to Spring Security; {@code /camunda/**} and {@code /engine-rest/**} match no chain
 * here and keep Camunda's own filters (see {@link EngineDoorsConfig}). One chain per door (docs/adr/0008):
 * <ul>
 * <li>{@code /api/**} — for programs: HTTP Basic against the Camunda identity, stateless, no CSRF token but
 * {@link ApiRequestGuard} (JSON or multipart only, foreign origins refused); GET and HEAD also accept the login
 * session of the Camunda webapps (staff following a link in a Tasklist form).</li>
 * </ul>
 * The product's pages (form login, session, CSRF token) and staff pages (the webapps' session and Camunda's XSRF
 * token) get chains of their own, with their own matchers, when they are added.
 */
@Configuration
@EnableWebSecurity
class ProductSecurityConfig {
    /** What a JSON or HTML answer of the API may load: nothing but its own inline styles; never framed. */
    static final String API_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    /** Tells the login throttle that HTTP Basic accepted the password of this request. */
    static final class MarkAcceptedLogin extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
            if (a != null && a.getPrincipal() instanceof ProductUser u && request.getHeader("Authorization") != null) {
                request.setAttribute(LoginThrottleFilter.ACCEPTED, u.id());
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    AuthenticationProvider engineIdentityAuthenticationProvider(EngineIdentity identity, List<AccountGate> gates) {
        return new EngineIdentityAuthenticationProvider(identity, gates);
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(HttpSecurity http, EngineIdentity identity,
                                 @Value("${title.security.allowed-origins:}") List<String> allowedOrigins)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // the public verification of a result certificate (PUB-3): its number is the key
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/certificates/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("title-evaluation").authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"title-evaluation\", charset=\"UTF-8\"");
                    JsonErrors.write(res, 401, "UNAUTHENTICATED", "请先登录（HTTP Basic 用户名和密码）");
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"title-evaluation\", charset=\"UTF-8\"");
                            JsonErrors.write(res, 401, "UNAUTHENTICATED", "请先登录（HTTP Basic 用户名和密码）");
                        })
                        .accessDeniedHandler((req, res, ex) -> JsonErrors.write(res, 403, "FORBIDDEN", "无权执行此操作")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no CSRF token for programs: ApiRequestGuard takes its place (JSON or multipart, own origin only)
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .addFilterAfter(new MarkAcceptedLogin(), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiRequestGuard(allowedOrigins.stream().filter(o -> !o.isBlank()).toList()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(API_CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
