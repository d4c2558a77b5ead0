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
 * ({@link RequestIdFeignInterceptor}). The reactive gateway has its own web filter.
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "feign.RequestInterceptor")
    static class FeignPropagation {

        @Bean
        RequestIdFeignInterceptor aggpayRequestIdFeignInterceptor() {
            return new RequestIdFeignInterceptor();
        }
    }
}
