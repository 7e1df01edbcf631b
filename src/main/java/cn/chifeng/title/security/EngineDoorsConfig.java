package cn.chifeng.title.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's doors keep Camunda's filters, with the product's in front of and behind them (docs/adr/0008):
 * <ol>
 * <li>the login throttle before any password is checked (every login door, {@code /api} included: it runs before
 * Spring Security's chain, order -100);</li>
 * <li>security headers on {@code /engine-rest};</li>
 * <li>the first-run setup lock on {@code /camunda/api/admin/setup};</li>
 * <li>Camunda's HTTP Basic authentication on {@code /engine-rest};</li>
 * <li>the applicant barrier behind it, and on the webapps' login and API;</li>
 * <li>around task completions, the plain Chinese answer to a refused completion ({@link CompletionErrorFilter}).</li>
 * </ol>
 */
@Configuration
class EngineDoorsConfig {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> bean = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        bean.setName("login-throttle");
        bean.addUrlPatterns("/api/*", "/engine-rest/*", LoginThrottleFilter.WEBAPP_LOGIN + "*");
        bean.setOrder(-200);
        return bean;
    }

    @Bean
    FilterRegistrationBean<EngineRestHeadersFilter> engineRestHeaders() {
        FilterRegistrationBean<EngineRestHeadersFilter> bean = new FilterRegistrationBean<>(new EngineRestHeadersFilter());
        bean.setName("engine-rest-headers");
        bean.addUrlPatterns("/engine-rest/*");
        bean.setOrder(5);
        return bean;
    }

    @Bean
    FilterRegistrationBean<?> setupLockFilter(SetupLock lock) {
        var bean = new FilterRegistrationBean<>(lock.filter());
        bean.setName("setup-lock");
        bean.addUrlPatterns(SetupLock.SETUP_PATH + "*");
        bean.setOrder(6);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        bean.setName("engine-rest-authentication");
        bean.addUrlPatterns("/engine-rest/*");
        bean.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        bean.setOrder(10);
        return bean;
    }

    @Bean
    FilterRegistrationBean<CompletionErrorFilter> completionErrors() {
        FilterRegistrationBean<CompletionErrorFilter> bean = new FilterRegistrationBean<>(new CompletionErrorFilter());
        bean.setName("completion-errors");
        bean.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        bean.setOrder(7);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ApplicantBarrierFilter> applicantBarrier(EngineIdentity identity,
                                                                     IdentityService engineIdentity) {
        FilterRegistrationBean<ApplicantBarrierFilter> bean =
                new FilterRegistrationBean<>(new ApplicantBarrierFilter(identity, engineIdentity));
        bean.setName("applicant-barrier");
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        bean.setOrder(12);
        return bean;
    }
}
