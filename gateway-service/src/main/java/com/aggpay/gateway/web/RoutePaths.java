package com.aggpay.gateway.web;

import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/** The request path as the gateway's route predicates see it. */
public final class RoutePaths {

    private RoutePaths() {
    }

    public static String of(ServerWebExchange exchange) {
        return asRoutesMatchIt(exchange.getRequest().getPath().pathWithinApplication());
    }

    /**
     * Route predicates match percent-decoded segments without {@code ;} parameters, so checks by path must too:
     * on the raw path, {@code /api/v%31/pay/orders} would pass as "not a merchant call" and still be routed.
     */
    public static String asRoutesMatchIt(PathContainer path) {
        StringBuilder decoded = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            decoded.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch()
                    : element.value());
        }
        return decoded.toString();
    }
}
