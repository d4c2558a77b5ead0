package com.aggpay.notify.web;

import com.aggpay.contracts.http.AggpayHeaders;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Forwards the current request id on calls to other services, so one id follows a payment everywhere. */
@Component
class RequestIdFeignInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        String requestId = MDC.get(AggpayHeaders.MDC_REQUEST_ID);
        if (requestId != null) {
            template.header(AggpayHeaders.REQUEST_ID, requestId);
        }
    }
}
