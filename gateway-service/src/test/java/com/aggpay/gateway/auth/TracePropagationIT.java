package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.gateway.auth.StubServices.Recorded;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A routed request reaches the service in the gateway's trace: its {@code traceparent} names the trace the gateway
 * logged the request under (its access line), from a span of the gateway's own, so the service's lines join it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationIT extends GatewayITSupport {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";

    @Test
    void a_merchant_call_reaches_order_service_in_the_trace_the_gateway_logged(CapturedOutput output) {
        String orderNo = freshNonce();

        HttpResponse<byte[]> response = send(hmacSigned("POST", "/api/v1/pay/orders",
                utf8("{\"mch_order_no\":\"" + orderNo + "\",\"amount\":1}")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(201);
        Recorded call = STUBS.orderServiceCalls.stream()
                .filter(c -> new String(c.body(), StandardCharsets.UTF_8).contains(orderNo)).findFirst().orElseThrow();
        assertThat(call.header("traceparent")).matches(TRACEPARENT);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(accessLine(output, requestId)).contains("\"trace.id\":\"" + traceId(call) + "\"")
                .contains("path=/api/v1/pay/orders status=201");
    }

    @Test
    void a_channel_callback_starts_a_trace_that_reaches_the_router(CapturedOutput output) {
        byte[] body = utf8("<xml><marker>" + freshNonce() + "</marker></xml>");

        HttpResponse<byte[]> response = send(request("POST", "/api/v1/channel-notify/wxpay-v2", body)
                .header("Content-Type", "text/xml"));

        Recorded call = STUBS.routerCalls.stream().filter(c -> Arrays.equals(c.body(), body)).findFirst().orElseThrow();
        assertThat(call.header("traceparent")).matches(TRACEPARENT);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(accessLine(output, requestId)).contains("\"trace.id\":\"" + traceId(call) + "\"");
    }

    private static String traceId(Recorded call) {
        return call.header("traceparent").split("-")[1];
    }

    private static String accessLine(CapturedOutput output, String requestId) {
        String[] line = new String[1];
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            line[0] = output.getOut().lines().filter(l -> l.contains("event=HTTP_REQUEST"))
                    .filter(l -> l.contains("\"request_id\":\"" + requestId + "\"")).findFirst().orElse(null);
            return line[0] != null;
        });
        return line[0];
    }
}
