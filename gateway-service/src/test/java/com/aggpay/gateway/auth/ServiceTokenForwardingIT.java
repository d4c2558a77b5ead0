package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.gateway.auth.StubServices.Recorded;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Every hop the gateway forwards names the gateway and the service it is for; a client's own token never passes. */
class ServiceTokenForwardingIT extends GatewayITSupport {

    private static final byte[] LOCAL_KEY = Base64.getDecoder()
            .decode("YWdncGF5LWxvY2FsLW9ubHktc2VydmljZS10b2tlbi1rZXk=");

    @Test
    void a_forwarded_merchant_call_carries_the_gateways_token_for_order_service_and_not_the_clients() {
        String orderNo = freshNonce();
        byte[] body = utf8("{\"mch_order_no\":\"" + orderNo + "\",\"amount\":1}");
        String clientToken = ServiceCallsForTests.token("channel-router-service", "order-service");

        HttpResponse<byte[]> response = send(hmacSigned("POST", "/api/v1/pay/orders", body)
                .header("Content-Type", "application/json").header(ServiceTokens.HEADER, clientToken));

        assertThat(response.statusCode()).isEqualTo(201);
        Recorded call = STUBS.orderServiceCalls.stream()
                .filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(orderNo)).findFirst().orElseThrow();
        assertThat(call.headers().entrySet()).filteredOn(e -> e.getKey().equalsIgnoreCase(ServiceTokens.HEADER))
                .singleElement().satisfies(e -> assertThat(e.getValue()).hasSize(1));
        String forwarded = call.header(ServiceTokens.HEADER);
        assertThat(forwarded).isNotEqualTo(clientToken);
        assertThat(claims(forwarded).subject()).isEqualTo("gateway-service");
        assertThat(claims(forwarded).role()).as("audience").isEqualTo("order-service");
    }

    @Test
    void a_channel_callback_reaches_the_router_with_a_token_meant_for_the_router() {
        byte[] body = utf8("<xml><return_code>SUCCESS</return_code><marker>" + freshNonce() + "</marker></xml>");

        send(request("POST", "/api/v1/channel-notify/wxpay-v2", body).header("Content-Type", "text/xml"));

        Recorded call = STUBS.routerCalls.stream().filter(c -> java.util.Arrays.equals(c.body(), body))
                .findFirst().orElseThrow();
        assertThat(claims(call.header(ServiceTokens.HEADER)).role()).isEqualTo("channel-router-service");
    }

    private static OperatorToken.Claims claims(String token) {
        return ((OperatorToken.Verification.Valid) new OperatorToken(LOCAL_KEY, Clock.systemUTC()).verify(token))
                .claims();
    }
}
