package com.aggpay.contracts.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.signing.OperatorToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServiceAuthFilterTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private static final ServiceAuthFilter.OperatorPaths NO_OPERATORS =
            new ServiceAuthFilter.OperatorPaths(List.of(), List.of());

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ServiceTokens orderService = new ServiceTokens(new OperatorToken(KEY, clock), "order-service", clock);
    private final ServiceAuthFilter filter = new ServiceAuthFilter(orderService, List.of(
            new ServiceAuthFilter.Rule("/internal/**", List.of("channel-router-service")),
            new ServiceAuthFilter.Rule("/api/**", List.of(ServiceAuthFilter.GATEWAY))), List.of("/livez", "/readyz"),
            new ServiceAuthFilter.OperatorPaths(List.of("/api/admin/**"), List.of("/api/admin/login")));

    @Test
    void a_call_without_a_token_is_refused_401_and_never_reaches_the_service() throws Exception {
        Outcome outcome = call("/internal/trades/x/payment", null);

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.body()).contains("\"code\":\"SERVICE_UNAUTHENTICATED\"");
        assertThat(outcome.reached()).isFalse();
    }

    @Test
    void a_token_made_with_another_key_is_refused() throws Exception {
        String forged = new OperatorToken(OTHER_KEY, clock).issue("channel-router-service", "order-service",
                ServiceTokens.TTL).token();

        assertThat(call("/internal/trades/x/payment", forged).status()).isEqualTo(401);
    }

    @Test
    void a_token_meant_for_another_service_cannot_be_replayed_here() throws Exception {
        String forMerchantService = orderService.issue(ServiceAuthFilter.GATEWAY, "merchant-service").token();

        assertThat(call("/api/v1/pay/orders", forMerchantService).status()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused_even_after_it_was_accepted_once() throws Exception {
        String token = orderService.issue("channel-router-service", "order-service").token();
        assertThat(call("/internal/trades/x/payment", token).reached()).isTrue();

        Clock later = Clock.fixed(NOW.plus(ServiceTokens.TTL).plusSeconds(1), ZoneOffset.UTC);
        ServiceTokens sameCacheLater = new ServiceTokens(new OperatorToken(KEY, later), "order-service", later);
        ServiceAuthFilter laterFilter = new ServiceAuthFilter(sameCacheLater,
                List.of(new ServiceAuthFilter.Rule("/**", List.of("channel-router-service"))), List.of(), NO_OPERATORS);

        assertThat(call(laterFilter, "/internal/trades/x/payment", token, null).status()).isEqualTo(401);
    }

    @Test
    void an_allowed_caller_reaches_the_service() throws Exception {
        String token = orderService.issue("channel-router-service", "order-service").token();

        Outcome outcome = call("/internal/trades/x/payment", token);

        assertThat(outcome.reached()).isTrue();
        assertThat(outcome.status()).isEqualTo(200);
    }

    @Test
    void a_caller_not_named_by_the_matching_rule_is_refused_403() throws Exception {
        String fromNotify = orderService.issue("notify-service", "order-service").token();
        String fromGateway = orderService.issue(ServiceAuthFilter.GATEWAY, "order-service").token();

        assertThat(call("/internal/trades/x/payment", fromNotify).status()).isEqualTo(403);
        Outcome gatewayToInternal = call("/internal/trades/x/payment", fromGateway);
        assertThat(gatewayToInternal.status()).isEqualTo(403);
        assertThat(gatewayToInternal.body()).contains("SERVICE_FORBIDDEN");
    }

    @Test
    void a_path_no_rule_names_is_refused_whoever_calls() throws Exception {
        String fromGateway = orderService.issue(ServiceAuthFilter.GATEWAY, "order-service").token();

        assertThat(call("/something-else", fromGateway).status()).isEqualTo(403);
    }

    @Test
    void identity_headers_are_believed_only_from_the_gateway() throws Exception {
        String fromRouter = orderService.issue("channel-router-service", "order-service").token();
        String fromGateway = orderService.issue(ServiceAuthFilter.GATEWAY, "order-service").token();
        ServiceAuthFilter everyoneEverywhere = new ServiceAuthFilter(orderService, List.of(new ServiceAuthFilter.Rule(
                "/**", List.of("channel-router-service", ServiceAuthFilter.GATEWAY))), List.of(), NO_OPERATORS);

        assertThat(call(everyoneEverywhere, "/api/v1/pay/orders", fromRouter, AggpayHeaders.APP_ID).status())
                .isEqualTo(403);
        assertThat(call(everyoneEverywhere, "/api/admin/x", fromRouter, AggpayHeaders.OPERATOR).status())
                .isEqualTo(403);
        assertThat(call(everyoneEverywhere, "/api/v1/pay/orders", fromGateway, AggpayHeaders.APP_ID).reached())
                .isTrue();
    }

    @Test
    void operator_paths_need_an_operator_the_gateway_vouched_for_except_the_exempt_ones() throws Exception {
        String fromGateway = orderService.issue(ServiceAuthFilter.GATEWAY, "order-service").token();

        Outcome without = call(filter, "/api/admin/reconciliations", fromGateway, null);
        Outcome malformed = call(filter, "/api/admin/reconciliations", fromGateway, AggpayHeaders.OPERATOR, "bad operator\n");
        Outcome with = call(filter, "/api/admin/reconciliations", fromGateway, AggpayHeaders.OPERATOR, "ops.alice");
        Outcome login = call(filter, "/api/admin/login", fromGateway, null);

        assertThat(without.status()).isEqualTo(401);
        assertThat(without.body()).contains("OPERATOR_UNAUTHENTICATED");
        assertThat(without.reached()).isFalse();
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(with.reached()).isTrue();
        assertThat(login.reached()).isTrue();
    }

    @Test
    void the_probes_answer_without_a_token() throws Exception {
        assertThat(call("/readyz", null).reached()).isTrue();
        assertThat(call("/livez", null).reached()).isTrue();
    }

    @Test
    void a_service_reuses_its_token_for_half_its_life_then_mints_a_new_one() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ServiceTokens router = new ServiceTokens(new OperatorToken(KEY, moving), "channel-router-service", moving);

        String first = router.tokenFor("order-service");
        now[0] = NOW.plus(Duration.ofMinutes(2));
        assertThat(router.tokenFor("order-service")).isEqualTo(first);
        now[0] = NOW.plus(Duration.ofMinutes(3));
        String second = router.tokenFor("order-service");

        assertThat(second).isNotEqualTo(first);
        assertThat(orderService.callerOf(second)).contains("channel-router-service");
    }

    private Outcome call(String path, String token) throws Exception {
        return call(filter, path, token, null);
    }

    private static Outcome call(ServiceAuthFilter filter, String path, String token, String identityHeader)
            throws Exception {
        return call(filter, path, token, identityHeader, "x");
    }

    /** Through the filter as a POST, with the token and one identity header (name and value) when given. */
    private static Outcome call(ServiceAuthFilter filter, String path, String token, String header, String value)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        if (token != null) {
            request.addHeader(ServiceTokens.HEADER, token);
        }
        if (header != null) {
            request.addHeader(header, value);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response.getStatus(), response.getContentAsString(), chain.getRequest() != null);
    }

    private record Outcome(int status, String body, boolean reached) {
    }
}
