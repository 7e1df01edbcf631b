package cn.chifeng.title.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Neither the engine's REST API nor the product API answers anyone who has not authenticated. */
@Configuration
class SecurityConfig {

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
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        bean.setName("api-authentication");
        bean.addUrlPatterns("/api/*");
        bean.setOrder(11);
        return bean;
    }
}
