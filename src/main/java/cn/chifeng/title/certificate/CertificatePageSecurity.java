package cn.chifeng.title.certificate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public verification page's own chain (docs/adr/0008, 0010): GET and HEAD for anyone, nothing else; no session,
 * no login; a strict CSP (no script at all, the page's one style element by its hash, forms only to itself), never
 * framed, no referrer (the address holds the number).
 */
@Configuration
class CertificatePageSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain certificatePageChain(HttpSecurity http, CertificatePage page) throws Exception {
        String csp = "default-src 'none'; style-src " + page.styleHash + "; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'";
        http.securityMatcher("/certificates", "/certificates/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/certificates", "/certificates/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/certificates", "/certificates/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // nothing here changes state: only GET and HEAD pass
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(csp))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
