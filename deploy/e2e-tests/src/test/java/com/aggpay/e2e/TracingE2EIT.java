package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One payment, read back from the services' own logs (ECS JSON lines, deploy/e2e-tests/target/e2e-logs): the create is
 * one trace from the gateway through order-service to channel-router-service and its call to the channel; the
 * channel's callback is another, from the gateway through the router and order-service, over Kafka, to
 * notify-service's webhook attempt. Each service's lines of a request carry that request's trace id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingE2EIT {

    private static final Path LOGS = Path.of(System.getProperty("aggpay.repo.root", "../..")).toAbsolutePath()
            .normalize().resolve("deploy/e2e-tests/target/e2e-logs");
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(10);

    private final JsonMapper json = JsonMapper.builder().build();
    private WebhookInbox inbox;
    private Platform platform;
    private MerchantClient merchant;

    @BeforeAll
    void startPlatform() throws Exception {
        inbox = SharedPlatform.inbox();
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
    }

    @Test
    void a_payment_is_one_trace_to_the_channel_and_its_callback_one_trace_to_the_webhook() throws Exception {
        String mchOrderNo = "E2ET" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HttpResponse<String> created = merchant.post("/api/v1/pay/orders", order(mchOrderNo));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json.readTree(created.body());
        String payOrderId = order.get("pay_order_id").asString();
        String createRequest = created.headers().firstValue("X-Request-Id").orElseThrow();

        // the create: gateway → order-service → channel-router-service, whose call to the channel opened the trade
        String createTrace = traceOf("gateway-service", httpRequest(createRequest, "/api/v1/pay/orders"));
        assertThat(traceOf("order-service", httpRequest(createRequest, "/api/v1/pay/orders"))).isEqualTo(createTrace);
        assertThat(traceOf("channel-router-service", httpRequest(createRequest, "/internal/")))
                .isEqualTo(createTrace);
        assertThat(traceOf("channel-router-service", message("trade " + payOrderId.substring(3))))
                .isEqualTo(createTrace);
        assertThat(tracesOfRequest(createRequest)).containsOnly(createTrace);

        platform.simulator().pays(order.get("pay_data").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !inbox.forOrder(payOrderId).isEmpty());
        String eventId = inbox.forOrder(payOrderId).get(0).eventId();

        // the callback: notify-service's attempt continues the trace in which order-service took the payment
        JsonNode attempt = line("notify-service", message("event=WEBHOOK_ATTEMPT event_id=" + eventId + " "));
        String callbackTrace = traceId(attempt);
        String callbackRequest = attempt.path("request_id").asString();
        assertThat(callbackTrace).isNotEqualTo(createTrace);
        assertThat(traceOf("order-service", message("order " + payOrderId + " paid through"))).isEqualTo(callbackTrace);
        assertThat(traceOf("gateway-service", httpRequest(callbackRequest, "/api/v1/channel-notify/")))
                .isEqualTo(callbackTrace);
        assertThat(traceOf("channel-router-service", httpRequest(callbackRequest, "/api/v1/channel-notify/")))
                .isEqualTo(callbackTrace);
        assertThat(traceOf("order-service", httpRequest(callbackRequest, "/internal/trades/")))
                .isEqualTo(callbackTrace);
        assertThat(tracesOfRequest(callbackRequest)).containsOnly(callbackTrace);
    }

    // ---- the logs

    /** The access line of a request (gateway and services write one each) whose path starts with the given one. */
    private static Predicate<JsonNode> httpRequest(String requestId, String pathPrefix) {
        return l -> requestId.equals(l.path("request_id").asString())
                && l.path("message").asString().startsWith("event=HTTP_REQUEST ")
                && l.path("message").asString().contains(" path=" + pathPrefix);
    }

    private static Predicate<JsonNode> message(String prefix) {
        return l -> l.path("message").asString().startsWith(prefix);
    }

    /** The trace id of the first line of the service that matches, waiting for it to be written. */
    private String traceOf(String service, Predicate<JsonNode> which) {
        return traceId(line(service, which));
    }

    private JsonNode line(String service, Predicate<JsonNode> which) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(LOGGED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            found[0] = lines(service).stream().filter(which).findFirst().orElse(null);
            assertThat(found[0]).as("a matching line in %s.log", service).isNotNull();
        });
        return found[0];
    }

    /** Every trace id any service logged under the request id: one request, one trace. */
    private Set<String> tracesOfRequest(String requestId) throws IOException {
        Set<String> traces = new java.util.HashSet<>();
        for (String service : List.of("gateway-service", "order-service", "channel-router-service",
                "notify-service", "merchant-service")) {
            traces.addAll(lines(service).stream().filter(l -> requestId.equals(l.path("request_id").asString()))
                    .map(TracingE2EIT::traceId).collect(Collectors.toSet()));
        }
        return traces;
    }

    private List<JsonNode> lines(String service) throws IOException {
        try (var all = Files.lines(LOGS.resolve(service + ".log"))) {
            return all.filter(l -> l.startsWith("{")).map(this::parse).filter(n -> n != null).toList();
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (JacksonException e) {
            return null; // a line being written right now
        }
    }

    private static String traceId(JsonNode line) {
        String id = line.path("trace.id").asString();
        assertThat(id).as("trace id of %s", line).matches("[0-9a-f]{32}");
        return id;
    }

    private String order(String mchOrderNo) {
        return "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":1100,\"currency\":\"CNY\","
                + "\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\",\"notify_url\":\"" + inbox.url() + "\"}";
    }
}
