package com.aggpay.gateway.web;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.service.ServiceTokens;
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

    private final ClientAddresses clients;

    public RequestContextWebFilter(ClientAddresses clients) {
        this.clients = clients;
    }

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
            clients.resolve(exchange).ifPresent(ip -> headers.set(AggpayHeaders.CLIENT_IP, ip));
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
}
