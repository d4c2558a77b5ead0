package com.aggpay.contracts.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request-id contract for every servlet service that has this module: the gateway's {@code X-Request-Id}
 * goes into the log context and back on the answer ({@link RequestIdFilter}), and onto every Feign call
 * ({@link RequestIdFeignInterceptor}); each request is logged once answered ({@link AccessLogFilter}). The reactive
 * gateway has its own web filters.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestIdAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> aggpayRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /**
     * Inside the server observation (Boot orders its filter at highest precedence + 1), so that the line carries the
     * trace ids; inside the request id filter too.
     */
    @Bean
    FilterRegistrationBean<AccessLogFilter> aggpayAccessLogFilter() {
        FilterRegistrationBean<AccessLogFilter> bean = new FilterRegistrationBean<>(new AccessLogFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return bean;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "feign.RequestInterceptor")
    static class FeignPropagation {

        @Bean
        RequestIdFeignInterceptor aggpayRequestIdFeignInterceptor() {
            return new RequestIdFeignInterceptor();
        }
    }
}
