package com.aggpay.gateway.web;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.service.ServiceTokens;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs on every request, routed or not: removes the identity headers only the gateway may set (services
 * behind it trust them), sets the client address, and fixes the request id on the forwarded request and on the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContextWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.resolve(exchange.getRequest().getHeaders().getFirst(AggpayHeaders.REQUEST_ID));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(AggpayHeaders.APP_ID);
            headers.remove(AggpayHeaders.MCH_NO);
            headers.remove(AggpayHeaders.OPERATOR);
            headers.remove(AggpayHeaders.CLIENT_IP);
            headers.remove(ServiceTokens.HEADER);
            clientIp(exchange).ifPresent(ip -> headers.set(AggpayHeaders.CLIENT_IP, ip));
            headers.set(AggpayHeaders.REQUEST_ID, requestId);
        }).build();
        ServerHttpResponse response = exchange.getResponse();
        // Set just before commit so a downstream echo of the header cannot make it appear twice.
        response.beforeCommit(() -> {
            response.getHeaders().set(AggpayHeaders.REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The peer as the socket saw it; there is no proxy in front of the gateway whose headers could be trusted. */
    private static Optional<String> clientIp(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return peer == null || peer.getAddress() == null ? Optional.empty()
                : Optional.of(peer.getAddress().getHostAddress());
    }
}
