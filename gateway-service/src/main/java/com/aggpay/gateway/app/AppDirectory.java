package com.aggpay.gateway.app;

import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.gateway.config.GatewayProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.CompletableFuture;

/**
 * Finds apps in merchant-service ({@code GET /internal/apps/{app_id}}, through simple discovery) and caches the
 * answers briefly. Failed lookups are not cached: the next request asks again.
 */
@Component
public class AppDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration RELOAD_SPACING = Duration.ofSeconds(5);

    private final WebClient merchantService;
    private final AsyncLoadingCache<String, AppLookup> cache;
    /** Apps reloaded within the last {@link #RELOAD_SPACING}. */
    private final Cache<String, Boolean> lastReloads = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(RELOAD_SPACING).build();

    public AppDirectory(LoadBalancedExchangeFilterFunction loadBalancer, GatewayProperties properties,
                        ServiceTokens serviceTokens, ObservationRegistry observations) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(TIMEOUT);
        this.merchantService = WebClient.builder()
                .baseUrl("http://merchant-service")
                // a lookup is a client span of the request whose cache miss caused it (a refresh: a trace of its own)
                .observationRegistry(observations)
                .filter(loadBalancer)
                .filter((request, next) -> next.exchange(ClientRequest.from(request)
                        .header(ServiceTokens.HEADER, serviceTokens.tokenFor("merchant-service")).build()))
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        // Refreshed in the background halfway through its life while the cached answer keeps serving: an app's
        // calls never all wait on (and, when merchant-service is slow, all fail with) one expiring lookup. A change
        // (app disabled, secret rotated) still reaches every gateway within the TTL; a failed refresh keeps the
        // answer until it expires and the next refresh tries again.
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.<String, AppLookup>writing((appId, lookup) ->
                        lookup instanceof AppLookup.Found ? properties.appCacheTtl() : properties.unknownAppCacheTtl()))
                .refreshAfterWrite(properties.appCacheTtl().dividedBy(2))
                .buildAsync((id, executor) -> fetch(id).toFuture());
    }

    public Mono<AppLookup> find(String appId) {
        // suppressCancel: the cached future is shared by concurrent callers; one client hanging up must not cancel it.
        return Mono.fromFuture(cache.get(appId), true);
    }

    /**
     * A fresh copy of the app from merchant-service, replacing the cached one: for a signature that did not match the
     * cached keys (the merchant may have rotated its secret a moment ago). At most once per app per
     * {@link #RELOAD_SPACING}, so a stream of bad signatures cannot turn into a stream of lookups: empty otherwise.
     */
    public Mono<AppLookup> reload(String appId) {
        if (lastReloads.asMap().putIfAbsent(appId, Boolean.TRUE) != null) {
            return Mono.empty();
        }
        return fetch(appId).doOnNext(fresh -> cache.put(appId, CompletableFuture.completedFuture(fresh)));
    }

    private Mono<AppLookup> fetch(String appId) {
        return merchantService.get().uri("/internal/apps/{app_id}", appId)
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(MerchantAppInfo.class).map(AppLookup.Found::new);
                    }
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        // Only merchant-service's own "no such app" counts; a 404 from something else is a fault.
                        return response.bodyToMono(ProblemCode.class)
                                .filter(problem -> "APP_UNKNOWN".equals(problem.code()))
                                .<AppLookup>map(problem -> new AppLookup.Unknown(appId))
                                .switchIfEmpty(Mono.error(() -> unavailable("404 without APP_UNKNOWN", null)));
                    }
                    return response.releaseBody()
                            .then(Mono.error(() -> unavailable("answered " + response.statusCode().value(), null)));
                })
                .timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof MerchantServiceUnavailable), e -> unavailable(e.toString(), e));
    }

    private static MerchantServiceUnavailable unavailable(String why, Throwable cause) {
        return new MerchantServiceUnavailable("merchant-service app lookup failed: " + why, cause);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemCode(String code) {
    }
}
