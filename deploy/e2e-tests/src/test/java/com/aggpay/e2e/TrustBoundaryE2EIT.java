package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 8's findings, tried again on the real platform from outside: a caller that merely reaches a service port gets
 * nothing (no secret, no order, no state change), forged identity and operator headers are not believed, the gateway
 * routes no internal path and serves no metrics, and its edges refuse oversized and malformed input with a 4xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustBoundaryE2EIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Platform platform;
    private MerchantClient merchant;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = SharedPlatform.platform();
        merchant = SharedPlatform.demoMerchant();
    }

    @Test
    void merchant_service_serves_no_app_secret_to_a_caller_without_a_service_token() throws Exception {
        HttpResponse<String> r = call("merchant-service", "GET", "/internal/apps/demo-app", null, null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("SERVICE_UNAUTHENTICATED")
                .doesNotContain(SharedPlatform.APP_SECRET).doesNotContain(SharedPlatform.WEBHOOK_SECRET);
    }

    @Test
    void order_service_believes_no_forged_merchant_identity() throws Exception {
        HttpResponse<String> read = call("order-service", "GET", "/api/v1/pay/orders?mch_order_no=X1",
                "X-Aggpay-App-Id", "demo-app", null);
        HttpResponse<String> write = call("order-service", "POST", "/api/v1/pay/orders", "X-Aggpay-App-Id", "demo-app",
                "{\"mch_order_no\":\"FORGED1\",\"amount\":1,\"pay_way\":\"WX_NATIVE\",\"subject\":\"x\"}");

        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(write.statusCode()).isEqualTo(401);
        HttpResponse<String> lookup = merchant.get("/api/v1/pay/orders?mch_order_no=FORGED1");
        assertThat(lookup.statusCode()).as("no order was created").isEqualTo(404);
    }

    @Test
    void nobody_but_the_router_can_report_a_payment_to_order_service() throws Exception {
        HttpResponse<String> r = call("order-service", "POST", "/internal/trades/0123456789abcdef0123456701/payment",
                null, null, "{\"channel\":\"wxpay-a\",\"channel_trade_no\":\"4200\",\"account_id\":\"1900000001\","
                        + "\"amount\":1,\"currency\":\"CNY\",\"paid_at\":\"2026-12-05T10:00:00+08:00\"}");
        HttpResponse<String> refund = call("order-service", "POST", "/internal/refunds/0123456789abcdef01234567/result",
                null, null, "{}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(refund.statusCode()).isEqualTo(401);
    }

    @Test
    void the_router_and_notify_internal_and_admin_apis_refuse_callers_without_a_token() throws Exception {
        assertThat(call("channel-router-service", "POST", "/internal/refunds", null, null, "{}").statusCode())
                .isEqualTo(401);
        assertThat(call("channel-router-service", "GET", "/internal/bills/wxpay-a/2026-12-01", null, null, null)
                .statusCode()).isEqualTo(401);
        HttpResponse<String> admin = call("channel-router-service", "GET", "/api/admin/channels",
                "X-Aggpay-Operator", "admin", null);
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.body()).doesNotContain("wxpay-a");
        assertThat(call("notify-service", "POST", "/internal/events/evt_x/resend", null, null, null).statusCode())
                .isEqualTo(401);
        assertThat(call("notify-service", "POST", "/api/admin/webhooks/events/evt_x/resend", "X-Aggpay-Operator",
                "admin", null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_gateway_routes_no_internal_path_and_serves_no_metrics() throws Exception {
        assertThat(gateway("GET", "/internal/apps/demo-app", null).statusCode()).isEqualTo(404);
        assertThat(gateway("GET", "/api/v1/../../internal/apps/demo-app", null).statusCode()).isIn(400, 404);
        assertThat(gateway("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(404);
        HttpResponse<String> probe = gateway("GET", "/readyz", null);
        assertThat(probe.statusCode()).isEqualTo(200);
    }

    @Test
    void a_five_megabyte_callback_is_refused_413_before_it_is_read() throws Exception {
        HttpResponse<String> r = gateway("POST", "/api/v1/channel-notify/alipay-a", "a=".repeat(5 * 1024 * 1024 / 2));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("BODY_TOO_LARGE");
    }

    @Test
    void malformed_alipay_callbacks_get_the_channels_failure_answer_never_a_500() throws Exception {
        for (String body : new String[] {"trade_status=TRADE_SUCCESS&trade_status=TRADE_SUCCESS&out_trade_no=1",
                "out_trade_no=%zz&sign=%", "%", "&&&==", ""}) {
            HttpResponse<String> r = gateway("POST", "/api/v1/channel-notify/alipay-a", body);
            assertThat(r.statusCode()).as(body).isBetween(400, 499);
            assertThat(r.body()).as(body).isNotEqualTo("success");
        }
    }

    @Test
    void amounts_must_be_json_integers_and_notify_urls_must_not_reach_metadata_addresses() throws Exception {
        for (String amount : new String[] {"12.99", "\"100\"", "1e2"}) {
            HttpResponse<String> r = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"" + fresh()
                    + "\",\"amount\":" + amount + ",\"pay_way\":\"WX_NATIVE\",\"subject\":\"x\"}");
            assertThat(r.statusCode()).as(amount).isEqualTo(400);
            assertThat(r.body()).as(amount).contains("\"param\":\"amount\"");
        }
        HttpResponse<String> metadata = merchant.post("/api/v1/pay/orders", "{\"mch_order_no\":\"" + fresh()
                + "\",\"amount\":100,\"pay_way\":\"WX_NATIVE\",\"subject\":\"x\","
                + "\"notify_url\":\"http://169.254.169.254/latest/meta-data/\"}");
        assertThat(metadata.statusCode()).isEqualTo(400);
        assertThat(metadata.body()).contains("\"param\":\"notify_url\"");
    }

    private static String fresh() {
        return "TB" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private HttpResponse<String> gateway(String method, String path, String body) throws Exception {
        return send(URI.create(platform.gatewayUrl() + path), method, null, null, body);
    }

    private HttpResponse<String> call(String service, String method, String path, String header, String value,
                                      String body) throws Exception {
        return send(URI.create("http://127.0.0.1:" + platform.port(service) + path), method, header, value, body);
    }

    private HttpResponse<String> send(URI uri, String method, String header, String value, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        }
        if (header != null) {
            b.header(header, value);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
