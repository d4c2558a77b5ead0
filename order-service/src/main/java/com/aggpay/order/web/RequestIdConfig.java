package com.aggpay.order.web;

import com.aggpay.contracts.http.RequestIdFeignInterceptor;
import com.aggpay.contracts.http.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** One request id through the whole path: from the gateway's header into the logs and onto outgoing calls. */
@Configuration
class RequestIdConfig {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    RequestIdFeignInterceptor requestIdFeignInterceptor() {
        return new RequestIdFeignInterceptor();
    }
}
