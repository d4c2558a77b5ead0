package com.aggpay.contracts.http;

/**
 * Headers that cross service boundaries. The gateway strips the internal ones from every incoming request
 * and sets them itself after it has authenticated the caller, so services behind it can trust them.
 */
public final class AggpayHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    /** Set by the gateway after a merchant signature verified: the calling app. */
    public static final String APP_ID = "X-Aggpay-App-Id";
    /** Set by the gateway after a merchant signature verified: the app's merchant. */
    public static final String MCH_NO = "X-Aggpay-Mch-No";
    /** Set by the gateway after an operator's bearer token verified: the operator's username. */
    public static final String OPERATOR = "X-Aggpay-Operator";
    /**
     * Set by the gateway on every request: the address of the peer that connected to it, for per-client limits
     * (e.g. the operator login throttle). Unlike {@code X-Forwarded-For}, no caller can add to it.
     */
    public static final String CLIENT_IP = "X-Aggpay-Client-Ip";

    public static final String RESPONSE_TIMESTAMP = "Aggpay-Timestamp";
    public static final String RESPONSE_NONCE = "Aggpay-Nonce";
    public static final String RESPONSE_SIGNATURE = "Aggpay-Signature";

    /** MDC key under which every service logs the request id. */
    public static final String MDC_REQUEST_ID = "request_id";

    private AggpayHeaders() {
    }
}
