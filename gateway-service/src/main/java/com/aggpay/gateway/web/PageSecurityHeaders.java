package com.aggpay.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The pages the gateway serves ({@link WebPages}: the merchant portal and operator console; the QR and cashier pages)
 * load only their own scripts and styles, cannot be framed, and send no referrer. The pages keep every script and
 * style in their own files (no inline code), which is what lets the policy stay this strict. Styles the front ends
 * set from script go through the CSSOM, which the policy does not govern. The one widening: images may also come
 * from {@code blob:} URLs, which is how the console shows a merchant's licence fetched with the operator token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PageSecurityHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' blob:; "
            + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    private static final List<String> PAGE_ROOTS = List.of("/admin", "/portal", "/qr", "/cashier");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isPage(RoutePaths.of(exchange))) {
            ServerHttpResponse response = exchange.getResponse();
            // Before commit, so error answers on these paths carry them too.
            response.beforeCommit(() -> {
                HttpHeaders headers = response.getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    static boolean isPage(String path) {
        return PAGE_ROOTS.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }
}
