package com.aggpay.gateway.auth;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.gateway.web.ErrorCode;
import com.aggpay.gateway.web.Problems;
import com.aggpay.gateway.web.RequestIds;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The operator console's bearer token for every route marked {@code aggpay-auth: operator} (all of
 * {@code /api/admin/**} but the login). Deciding by the matched route rather than by the path means a
 * percent-encoded or otherwise disguised path that still reaches an admin route is still checked.
 * A token merchant-service revoked (logout, or its operator disabled) is refused from the next call on
 * ({@link OperatorRevocations}, one Redis read per operator call).
 * On success the services behind get {@code X-Aggpay-Operator} (stripped from every incoming request first by
 * {@code RequestContextWebFilter}) and not the token, which they have no use for, except on a route marked
 * {@code aggpay-operator-token: forward} (the logout).
 */
@Component
public class OperatorAuthFilter implements GlobalFilter, Ordered {

    static final String OPERATOR_ROUTE = "operator";
    /**
     * Route metadata {@code aggpay-operator-token: forward}: the service behind needs the token itself (the logout
     * revokes it by its id), so the {@code Authorization} header is passed on for that route only.
     */
    static final String TOKEN_METADATA = "aggpay-operator-token";
    static final String FORWARD_TOKEN = "forward";
    private static final String BEARER = "Bearer ";
    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final Logger log = LoggerFactory.getLogger(OperatorAuthFilter.class);

    private final OperatorToken tokens;
    private final OperatorRevocations revocations;

    OperatorAuthFilter(OperatorToken tokens, OperatorRevocations revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    /** Next to the merchant check: before any routing filter forwards the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 110;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !OPERATOR_ROUTE.equals(route.getMetadata().get(MerchantAuthFilter.AUTH_METADATA))) {
            return chain.filter(exchange);
        }
        List<String> authorization = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isEmpty()) {
            return reject(exchange, "MISSING", ErrorCode.OPERATOR_UNAUTHENTICATED);
        }
        String value = authorization.get(0);
        if (authorization.size() != 1 || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return reject(exchange, "NOT_A_BEARER_TOKEN", ErrorCode.OPERATOR_UNAUTHENTICATED);
        }
        OperatorToken.Verification verification = tokens.verify(value.substring(BEARER.length()).trim());
        if (verification instanceof OperatorToken.Verification.Rejected rejected) {
            return reject(exchange, rejected.reason().name(), ErrorCode.OPERATOR_UNAUTHENTICATED);
        }
        OperatorToken.Claims claims = ((OperatorToken.Verification.Valid) verification).claims();
        if (!OperatorToken.ROLE_OPERATOR.equals(claims.role())) {
            return reject(exchange, "ROLE_" + claims.role(), ErrorCode.OPERATOR_FORBIDDEN);
        }
        return revocations.of(claims)
                .onErrorResume(e -> {
                    log.warn("operator revocations unavailable: {}", e.toString());
                    return unavailable(exchange).then(Mono.empty());
                })
                .flatMap(standing -> standing == OperatorRevocations.Standing.GOOD
                        ? forward(exchange, chain, route, claims)
                        : reject(exchange, standing.name(), ErrorCode.OPERATOR_UNAUTHENTICATED));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, Route route,
                               OperatorToken.Claims claims) {
        auditAccess(exchange, claims);
        boolean keepToken = FORWARD_TOKEN.equals(route.getMetadata().get(TOKEN_METADATA));
        ServerHttpRequest asOperator = exchange.getRequest().mutate().headers(headers -> {
            headers.set(AggpayHeaders.OPERATOR, claims.subject());
            if (!keepToken) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
        }).build();
        return chain.filter(exchange.mutate().request(asOperator).build());
    }

    /** Fail closed: without the revocation list no operator call can be trusted. */
    private static Mono<Void> unavailable(ServerWebExchange exchange) {
        return Problems.write(exchange.getResponse(), ErrorCode.UPSTREAM_UNAVAILABLE,
                "Operator sessions cannot be checked right now; try again shortly.", RequestIds.of(exchange));
    }

    /** Reads as well as changes: the services log what changed, this line says who looked at what. */
    private static void auditAccess(ServerWebExchange exchange, OperatorToken.Claims claims) {
        try (var ignored = MDC.putCloseable(AggpayHeaders.MDC_REQUEST_ID, RequestIds.of(exchange))) {
            audit.info("event=OPERATOR_REQUEST operator={} token_id={} method={} path={}", claims.subject(),
                    claims.jti(), exchange.getRequest().getMethod(), exchange.getRequest().getURI().getRawPath());
        }
    }

    private static Mono<Void> reject(ServerWebExchange exchange, String reason, ErrorCode code) {
        String requestId = RequestIds.of(exchange);
        SecurityEvents.operatorRejected(exchange, requestId, reason, code);
        String detail = code == ErrorCode.OPERATOR_FORBIDDEN ? "This token does not carry the operator role."
                : "A valid operator token is required: Authorization: Bearer <token from POST /api/admin/login>.";
        return Problems.write(exchange.getResponse(), code, detail, requestId);
    }
}
