package com.aggpay.merchant.portal.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every portal handler needs a merchant user, but the two that make one: signup and login. */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

    private final PortalAuthInterceptor portalAuth;

    PortalWebConfiguration(PortalAuthInterceptor portalAuth) {
        this.portalAuth = portalAuth;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(portalAuth).addPathPatterns("/api/portal/**")
                .excludePathPatterns("/api/portal/signup", "/api/portal/login");
    }
}
