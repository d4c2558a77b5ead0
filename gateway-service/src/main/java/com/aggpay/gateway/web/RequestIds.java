package com.aggpay.gateway.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The request id that follows a request through every service and log line. */
public final class RequestIds {

    /** Exchange attribute holding the id chosen for this request. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** Keeps a caller's id only when it is safe to put into logs and headers; otherwise makes a new one. */
    public static String resolve(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : generate();
    }

    public static String generate() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "req_" + HexFormat.of().formatHex(random);
    }

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : generate();
    }
}
