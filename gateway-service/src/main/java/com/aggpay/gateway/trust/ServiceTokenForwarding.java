package com.aggpay.gateway.trust;

import com.aggpay.contracts.service.ServiceTokens;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's side of service-to-service trust: every request it forwards carries the gateway's service token for
 * the route's service ({@code lb://<service>}), so the service knows the call, and the identity headers the gateway
 * set on it, came from the gateway. Any token a caller sent was already stripped on the way in.
 */
@Component
public class ServiceTokenForwarding implements GlobalFilter, Ordered {

    private final ServiceTokens tokens;

    public ServiceTokenForwarding(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    /** After the merchant and operator checks, before the load balancer resolves the service to an instance. */
    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI target = route == null ? null : route.getUri();
        if (target == null || !"lb".equals(target.getScheme()) || target.getHost() == null) {
            return chain.filter(exchange);
        }
        String token = tokens.tokenFor(target.getHost());
        return chain.filter(exchange.mutate()
                .request(exchange.getRequest().mutate().header(ServiceTokens.HEADER, token).build())
                .build());
    }
}
