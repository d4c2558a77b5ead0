package com.aggpay.notify.store;

/** How many endpoints are in one state, and the longest failure streak among them. */
public record EndpointCount(String state, long endpoints, int maxConsecutiveFailures) {
}
