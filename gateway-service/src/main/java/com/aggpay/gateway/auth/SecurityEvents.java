package com.aggpay.gateway.auth;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.gateway.web.ClientAddresses;
import com.aggpay.gateway.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every rejected merchant or operator call, on the {@code aggpay.security} logger. Only the app id, the reason and
 * the peer: never the secret, the token, the signature or the body.
 */
public final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("aggpay.security");

    private SecurityEvents() {
    }

    static void rejected(ServerWebExchange exchange, String requestId, String appId, ErrorCode reason) {
        // Reactor hops threads, so the request id is put into the MDC just for this line.
        try (var ignored = MDC.putCloseable(AggpayHeaders.MDC_REQUEST_ID, requestId)) {
            log.warn("event=MERCHANT_AUTH_REJECTED app_id={} reason={} remote={} method={} path={}",
                    printable(appId), reason.name(), remote(exchange), exchange.getRequest().getMethod(),
                    printable(exchange.getRequest().getURI().getRawPath()));
        }
    }

    /** A refused operator-console call: the reason, never the token. */
    static void operatorRejected(ServerWebExchange exchange, String requestId, String reason, ErrorCode code) {
        try (var ignored = MDC.putCloseable(AggpayHeaders.MDC_REQUEST_ID, requestId)) {
            log.warn("event=OPERATOR_AUTH_REJECTED reason={} code={} remote={} method={} path={}", reason, code.name(),
                    remote(exchange), exchange.getRequest().getMethod(),
                    printable(exchange.getRequest().getURI().getRawPath()));
        }
    }

    /** A payer's return from a wallet's authorisation that the cashier refused (forged state, refused code). */
    public static void payerRejected(ServerWebExchange exchange, String requestId, String reason) {
        try (var ignored = MDC.putCloseable(AggpayHeaders.MDC_REQUEST_ID, requestId)) {
            log.warn("event=PAYER_AUTH_REJECTED reason={} remote={} path={}", reason, remote(exchange),
                    printable(exchange.getRequest().getURI().getRawPath()));
        }
    }

    private static String remote(ServerWebExchange exchange) {
        return ClientAddresses.of(exchange);
    }

    /** Attacker-chosen text goes into logs: drop anything that could forge a line or a field. */
    private static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String clean = value.replaceAll("[^A-Za-z0-9_./-]", "?");
        return clean.length() > 128 ? clean.substring(0, 128) + "…" : clean;
    }
}
