package com.aggpay.contracts.service;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Puts this service's token for the called service (the Feign client's name) on every Feign call. */
public class ServiceTokenFeignInterceptor implements RequestInterceptor {

    private final ServiceTokens tokens;

    public ServiceTokenFeignInterceptor(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.header(ServiceTokens.HEADER, tokens.tokenFor(template.feignTarget().name()));
    }
}
