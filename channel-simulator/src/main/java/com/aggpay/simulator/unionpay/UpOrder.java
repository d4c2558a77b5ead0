package com.aggpay.simulator.unionpay;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What UnionPay keeps of one request that opened something (a QR order, a refund, a cancel): its identity
 * (orderId + txnTime), where to notify, the merchant's reqReserved to echo back, and the canonical parameters a
 * repeat of the same orderId must match.
 */
record UpOrder(String orderId, String txnTime, String backUrl, String reqReserved, Map<String, String> params) {

    /** Fields that may differ between two sends of the same request (a new certificate signs the same order). */
    private static final Set<String> NOT_COMPARED = Set.of("signature", "certId");

    static UpOrder of(Map<String, String> request) {
        Map<String, String> params = new TreeMap<>(request);
        params.keySet().removeAll(NOT_COMPARED);
        return new UpOrder(request.get("orderId"), request.get("txnTime"), request.get("backUrl"),
                request.get("reqReserved"), Map.copyOf(params));
    }

    boolean sameRequestAs(UpOrder other) {
        return params.equals(other.params);
    }
}
