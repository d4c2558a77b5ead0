package com.aggpay.gateway.cashier;

import com.aggpay.contracts.service.ServiceTokens;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The services behind the cashier, over signed service calls (docs/internals.md, "Trust"): merchant-service for
 * stores, channel-router-service for the wallets' authorisation (it holds the channels' app ids and secrets),
 * order-service for the orders (it trusts the payer the gateway names, because only the gateway may call it there).
 */
@Component
class CashierBackends {

    /** The create path may fail over across channels: as long as the merchant API's own route allows. */
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient merchants;
    private final WebClient router;
    private final WebClient orders;

    CashierBackends(LoadBalancedExchangeFilterFunction loadBalancer, ServiceTokens tokens,
                    ObservationRegistry observations) {
        this.merchants = client("merchant-service", loadBalancer, tokens, observations);
        this.router = client("channel-router-service", loadBalancer, tokens, observations);
        this.orders = client("order-service", loadBalancer, tokens, observations);
    }

    /** Observed: each call a client span whose traceparent continues the payer's request into the service. */
    private static WebClient client(String service, LoadBalancedExchangeFilterFunction loadBalancer,
                                    ServiceTokens tokens, ObservationRegistry observations) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(ORDER_TIMEOUT);
        return WebClient.builder().baseUrl("http://" + service).observationRegistry(observations).filter(loadBalancer)
                .filter((request, next) -> next.exchange(ClientRequest.from(request)
                        .header(ServiceTokens.HEADER, tokens.tokenFor(service)).build()))
                .clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** The store, or empty when no store has this code. */
    Mono<Optional<StoreInfo>> store(String storeCode) {
        return optional(merchants.get().uri("/internal/stores/{code}", storeCode), StoreInfo.class,
                status -> status.isSameCodeAs(HttpStatus.NOT_FOUND), "merchant-service");
    }

    /** Where to send the payer for their wallet's silent authorisation, or empty when no channel can take it. */
    Mono<Optional<Authorize>> authorize(String mchNo, Wallet wallet, String returnUrl, String state) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("mch_no", mchNo);
        body.put("wallet", wallet.name());
        body.put("return_url", returnUrl);
        body.put("state", state);
        return optional(router.post().uri("/internal/payer-auth/authorize").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), Authorize.class, status -> status.isSameCodeAs(HttpStatus.NOT_FOUND),
                "channel-router-service");
    }

    /** The payer's id for the code the wallet gave back, or empty when the wallet refused the code. */
    Mono<Optional<Exchanged>> exchange(String channel, Wallet wallet, String code, String userAgent) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("wallet", wallet.name());
        body.put("code", code);
        body.put("user_agent", userAgent);
        // any 4xx: the wallet refused the code, or the code is not one the router could use
        return optional(router.post().uri("/internal/payer-auth/exchange").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), Exchanged.class, HttpStatusCode::is4xxClientError, "channel-router-service");
    }

    /** A QR_CASHIER order's landing data, or empty when there is no such link. */
    Mono<Optional<LinkInfo>> link(String payOrderId) {
        return optional(orders.get().uri("/internal/cashier/links/{id}", payOrderId), LinkInfo.class,
                HttpStatusCode::is4xxClientError, "order-service");
    }

    /**
     * The answer as {@code type}, empty when its status says "no such thing" ({@code absent}), an error for anything
     * else: a service that cannot answer is not a missing store, payer or order.
     */
    private static <T> Mono<Optional<T>> optional(WebClient.RequestHeadersSpec<?> call, Class<T> type,
                                                  Predicate<HttpStatusCode> absent, String service) {
        return call.exchangeToMono(response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(type).map(Optional::of);
            }
            if (absent.test(response.statusCode())) {
                return response.releaseBody().thenReturn(Optional.<T>empty());
            }
            return response.releaseBody().then(Mono.error(unavailable(service, response.statusCode().value())));
        }).timeout(LOOKUP_TIMEOUT);
    }

    /** order-service's answer as it is: status, and its JSON or problem document. */
    Mono<ResponseEntity<byte[]>> postOrder(String path, Object body) {
        return orders.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.toEntity(byte[].class)).timeout(ORDER_TIMEOUT);
    }

    Mono<ResponseEntity<byte[]>> getOrder(String payOrderId, PayerSession payer) {
        return orders.get().uri(b -> {
            b.path("/internal/cashier/orders/{id}").queryParam("wallet", payer.wallet().name())
                    .queryParam("payer_id", "{p}").queryParam("id_kind", payer.idKind());
            if (payer.appId() != null) {
                b.queryParam("app_id", payer.appId());
            }
            return b.build(payOrderId, payer.payerId());
        }).exchangeToMono(response -> response.toEntity(byte[].class)).timeout(LOOKUP_TIMEOUT);
    }

    private static IllegalStateException unavailable(String service, int status) {
        return new IllegalStateException(service + " answered " + status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Authorize(@JsonProperty("authorize_url") String authorizeUrl, @JsonProperty("channel") String channel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Exchanged(@JsonProperty("payer_id") String payerId, @JsonProperty("id_kind") String idKind,
                     @JsonProperty("channel") String channel, @JsonProperty("app_id") String appId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkInfo(@JsonProperty("pay_order_id") String payOrderId, @JsonProperty("mch_no") String mchNo,
                    @JsonProperty("amount") long amount, @JsonProperty("subject") String subject,
                    @JsonProperty("state") String state) {
    }
}
