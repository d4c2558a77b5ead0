package com.aggpay.order.web;

/** The merchant app on whose behalf a request runs, as the gateway authenticated it. */
public record Caller(String appId, String mchNo) {
}
