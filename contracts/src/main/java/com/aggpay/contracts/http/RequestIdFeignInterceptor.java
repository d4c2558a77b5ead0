package com.aggpay.contracts.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.MDC;

/** Carries the request id on every call to another service, so one id ties the whole path together in the logs. */
public class RequestIdFeignInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        String id = MDC.get(AggpayHeaders.MDC_REQUEST_ID);
        if (id != null) {
            template.header(AggpayHeaders.REQUEST_ID, id);
        }
    }
}
