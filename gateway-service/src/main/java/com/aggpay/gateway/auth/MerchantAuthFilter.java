package com.aggpay.gateway.auth;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.signing.AuthorizationHeader;
import com.aggpay.contracts.signing.MerchantSignature;
import com.aggpay.gateway.app.AppDirectory;
import com.aggpay.gateway.app.AppLookup;
import com.aggpay.gateway.app.MerchantAppInfo;
import com.aggpay.gateway.app.MerchantServiceUnavailable;
import com.aggpay.gateway.config.GatewayProperties;
import com.aggpay.gateway.limits.AppRateLimiter;
import com.aggpay.gateway.platformkey.PlatformKey;
import com.aggpay.gateway.web.ErrorCode;
import com.aggpay.gateway.web.Problems;
import com.aggpay.gateway.web.RequestIds;
import com.aggpay.gateway.web.RoutePaths;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API.md "Authentication" for every merchant API call: app, clock, signature over the exact bytes, merchant
 * state, nonce, the app's rate limit; then the trusted identity headers for the services behind, and a signed answer.
 * Order of checks: nothing costly or stateful (body buffering, Redis) happens for an unknown app or a stale
 * timestamp, a nonce is burnt only once the signature proved the caller holds the key, and a token is taken from
 * the app's bucket only for a fresh nonce, so neither a stranger nor a replay of a captured request drains it.
 */
@Component
public class MerchantAuthFilter implements GlobalFilter, Ordered {

    /** Exchange attribute: the app of a signed request, once found; every answer from then on is signed. */
    public static final String APP_ATTRIBUTE = MerchantAuthFilter.class.getName() + ".app";
    /** Exchange attribute: the {@link ResponseSigner} of a signed request's answers, set with {@link #APP_ATTRIBUTE}. */
    public static final String SIGNER_ATTRIBUTE = MerchantAuthFilter.class.getName() + ".signer";
    /** Route metadata key; {@code public} exempts an {@code /api/v1} route (channel callbacks) from merchant auth. */
    static final String AUTH_METADATA = "aggpay-auth";

    private static final Logger log = LoggerFactory.getLogger(MerchantAuthFilter.class);
    private static final byte[] EMPTY = new byte[0];

    private final AppDirectory apps;
    private final NonceStore nonces;
    private final AppRateLimiter rateLimiter;
    private final PlatformKey platformKey;
    private final GatewayProperties properties;
    private final Clock clock;

    MerchantAuthFilter(AppDirectory apps, NonceStore nonces, AppRateLimiter rateLimiter, PlatformKey platformKey,
                       GatewayProperties properties, Clock clock) {
        this.apps = apps;
        this.nonces = nonces;
        this.rateLimiter = rateLimiter;
        this.platformKey = platformKey;
        this.properties = properties;
        this.clock = clock;
    }

    /** Before the routing filters and before NettyWriteResponseFilter (-1) writes the answer we decorate. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!requiresMerchantSignature(exchange)) {
            return chain.filter(exchange);
        }
        AuthorizationHeader auth = RequestSignatures
                .parse(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).orElse(null);
        if (auth == null) {
            return reject(exchange, exchange.getResponse(), null, ErrorCode.SIGNATURE_INVALID,
                    "The Authorization header is missing or malformed.");
        }
        return apps.find(auth.appId())
                .onErrorResume(MerchantServiceUnavailable.class, e -> {
                    log.warn("cannot authenticate app {}: {}", auth.appId(), e.getMessage());
                    return unavailable(exchange, exchange.getResponse()).then(Mono.empty());
                })
                .flatMap(lookup -> lookup instanceof AppLookup.Found found
                        ? authenticate(exchange, chain, auth, found.app())
                        : reject(exchange, exchange.getResponse(), auth.appId(), ErrorCode.APP_UNKNOWN,
                                "No app with this app_id."));
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, GatewayFilterChain chain, AuthorizationHeader auth,
                                    MerchantAppInfo app) {
        // API.md: a request signed with RSA is answered with the platform's RSA signature, an HMAC one with the secret.
        ResponseSigner signer = auth.isRsa() ? new ResponseSigner.Platform(platformKey)
                : new ResponseSigner.AppSecret(app.appSecret());
        exchange.getAttributes().put(APP_ATTRIBUTE, app);
        exchange.getAttributes().put(SIGNER_ATTRIBUTE, signer);
        ServerHttpResponse signed = new SignedResponse(exchange.getResponse(), signer, clock);
        if (!RequestSignatures.withinClockSkew(auth.timestamp(), clock.instant(), properties.clockSkew())) {
            return reject(exchange, signed, app.appId(), ErrorCode.TIMESTAMP_EXPIRED,
                    "The timestamp is more than " + properties.clockSkew().getSeconds() + " s from the platform clock.");
        }
        return readBody(exchange.getRequest())
                .onErrorResume(DataBufferLimitException.class, e -> reject(exchange, signed, app.appId(),
                        ErrorCode.BODY_TOO_LARGE, "The request body exceeds "
                                + properties.bodyLimits().merchantApi().toBytes() + " bytes.").then(Mono.empty()))
                .flatMap(body -> {
                    byte[] message = MerchantSignature.requestMessage(exchange.getRequest().getMethod().name(),
                            pathAndQuery(exchange.getRequest().getURI()), auth.timestamp(), auth.nonce(), body);
                    return verified(auth, app, message)
                            .flatMap(found -> found.signer() == RequestSignatures.Signer.NONE
                                    ? reject(exchange, signed, app.appId(), ErrorCode.SIGNATURE_INVALID,
                                            "The signature does not match the request.")
                                    : authenticated(exchange, chain, auth, found, body,
                                            answeredWith(exchange, signed, found, auth, app)));
                });
    }

    /** The app as it verified the signature, and with which of its keys. */
    private record Verified(MerchantAppInfo app, RequestSignatures.Signer signer) {
    }

    /**
     * The signature checked against the cached app; when it does not match, against a fresh copy from
     * merchant-service (at most once per app every few seconds, see {@link AppDirectory#reload}), so a secret
     * rotated or a key uploaded a moment ago verifies at once instead of after the cache's TTL.
     */
    private Mono<Verified> verified(AuthorizationHeader auth, MerchantAppInfo app, byte[] message) {
        RequestSignatures.Signer signer = RequestSignatures.signer(auth, app, message, clock.instant());
        if (signer != RequestSignatures.Signer.NONE) {
            return Mono.just(new Verified(app, signer));
        }
        return apps.reload(app.appId())
                .filter(AppLookup.Found.class::isInstance)
                .map(lookup -> ((AppLookup.Found) lookup).app())
                .map(fresh -> new Verified(fresh, RequestSignatures.signer(auth, fresh, message, clock.instant())))
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new Verified(app, RequestSignatures.Signer.NONE));
    }

    /**
     * An HMAC request is answered with the secret that signed it: the previous one during a grace period, or the
     * current one of a freshly reloaded app (not the cached copy's, which may be the secret just rotated out).
     */
    private ServerHttpResponse answeredWith(ServerWebExchange exchange, ServerHttpResponse signed, Verified found,
                                            AuthorizationHeader auth, MerchantAppInfo cached) {
        exchange.getAttributes().put(APP_ATTRIBUTE, found.app());
        if (auth.isRsa() || (found.app() == cached && found.signer() == RequestSignatures.Signer.CURRENT_KEY)) {
            return signed;
        }
        ResponseSigner signer = new ResponseSigner.AppSecret(found.signer() == RequestSignatures.Signer.PREVIOUS_SECRET
                ? found.app().previousSecretAt(clock.instant()) : found.app().appSecret());
        exchange.getAttributes().put(SIGNER_ATTRIBUTE, signer);
        return new SignedResponse(exchange.getResponse(), signer, clock);
    }

    private Mono<Void> authenticated(ServerWebExchange exchange, GatewayFilterChain chain, AuthorizationHeader auth,
                                     Verified found, byte[] body, ServerHttpResponse signed) {
        MerchantAppInfo app = found.app();
        if (!app.mayCall()) {
            return reject(exchange, signed, app.appId(), ErrorCode.MERCHANT_NOT_ACTIVE,
                    "The merchant is not approved or the app is disabled.");
        }
        return nonces.firstUse(app.appId(), auth.nonce())
                .onErrorResume(e -> {
                    log.warn("nonce store unavailable: {}", e.toString());
                    return unavailable(exchange, signed).then(Mono.empty());
                })
                .flatMap(first -> first
                        ? withinRateLimit(exchange, chain, app, body, signed)
                        : reject(exchange, signed, app.appId(), ErrorCode.NONCE_REPLAYED,
                                "This nonce was already used."));
    }

    private Mono<Void> withinRateLimit(ServerWebExchange exchange, GatewayFilterChain chain, MerchantAppInfo app,
                                       byte[] body, ServerHttpResponse signed) {
        return rateLimiter.tryAcquire(app)
                .onErrorResume(e -> {
                    log.warn("rate limit store unavailable: {}", e.toString());
                    return unavailable(exchange, signed).then(Mono.empty());
                })
                .flatMap(decision -> {
                    if (!(decision instanceof AppRateLimiter.Decision.Limited limited)) {
                        return forward(exchange, chain, app, body, signed);
                    }
                    // Not a security event: an app over its own limit is routine, and a log line per call is not.
                    signed.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
                    return Problems.write(signed, ErrorCode.RATE_LIMITED, "This app is over its rate limit; retry in "
                            + limited.retryAfterSeconds() + " s.", RequestIds.of(exchange));
                });
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, MerchantAppInfo app, byte[] body,
                               ServerHttpResponse signed) {
        ServerHttpRequest withIdentity = exchange.getRequest().mutate().headers(headers -> {
            headers.set(AggpayHeaders.APP_ID, app.appId());
            headers.set(AggpayHeaders.MCH_NO, app.mchNo());
        }).build();
        // The body was consumed to check the signature: hand the same bytes on.
        ServerHttpRequest replayable = new ServerHttpRequestDecorator(withIdentity) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().request(replayable).response(signed).build());
    }

    private Mono<byte[]> readBody(ServerHttpRequest request) {
        int max = (int) properties.bodyLimits().merchantApi().toBytes();
        if (request.getHeaders().getContentLength() > max) {
            return Mono.error(new DataBufferLimitException("declared Content-Length over the limit"));
        }
        return DataBufferUtils.join(request.getBody(), max)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(EMPTY);
    }

    private Mono<Void> reject(ServerWebExchange exchange, ServerHttpResponse response, String appId, ErrorCode code,
                              String detail) {
        String requestId = RequestIds.of(exchange);
        SecurityEvents.rejected(exchange, requestId, appId, code);
        return Problems.write(response, code, detail, requestId);
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, ServerHttpResponse response) {
        return Problems.write(response, ErrorCode.UPSTREAM_UNAVAILABLE,
                "The platform cannot check the signature right now; retry later.", RequestIds.of(exchange));
    }

    /** Every {@code /api/v1} route is a merchant call unless its route is explicitly marked public. */
    private static boolean requiresMerchantSignature(ServerWebExchange exchange) {
        String path = RoutePaths.of(exchange);
        if (!path.startsWith("/api/v1/") && !path.equals("/api/v1")) {
            return false;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null || !"public".equals(route.getMetadata().get(AUTH_METADATA));
    }

    /** PATH_AND_QUERY exactly as on the wire: raw (still percent-encoded) path, and the raw query if any. */
    static String pathAndQuery(URI uri) {
        String rawQuery = uri.getRawQuery();
        return rawQuery == null ? uri.getRawPath() : uri.getRawPath() + "?" + rawQuery;
    }
}
