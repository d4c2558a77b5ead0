package com.aggpay.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhooksTest {

    private static final String SECRET = "demo-webhook-secret-0123456789ab";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created_at\":"
            + "\"2026-11-26T10:00:00+08:00\",\"data\":{\"pay_order_id\":\"po_1\"}}";
    private static final long T = 1764130000L;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void the_aggpay_form_verifies_against_a_vector_computed_with_openssl() {
        // printf '1764130000.<BODY>' | openssl dgst -sha256 -hmac demo-webhook-secret-0123456789ab -hex
        Map<String, List<String>> headers = Map.of("Aggpay-Signature",
                List.of("t=1764130000,v1=80d0c8fa19ec341c6faebfc0e817d67a3fa1f74978f6bf771b27c3912c4d61fc"));

        WebhookEvent event = Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T + 10));

        assertThat(event.id()).isEqualTo("evt_1");
        assertThat(event.type()).isEqualTo("payment.succeeded");
        assertThat(event.createdAt()).isEqualTo(OffsetDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(event.data().get("pay_order_id").asString()).isEqualTo("po_1");
    }

    @Test
    void the_standard_webhooks_specification_vector_verifies_with_its_whsec_secret() {
        String body = "{\"test\": 2432232314}";
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of("msg_p5jXN8AQM9LWM0D4loKWxJek"),
                "webhook-timestamp", List.of("1614265330"),
                "webhook-signature", List.of("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

        // the vector's body is no AggPay event: authentic, then refused as such
        assertThatThrownBy(() -> Webhooks.verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, bytes(body),
                FIVE_MINUTES, at(1614265330L)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookVerificationException.Reason.MALFORMED_BODY));
        assertThatThrownBy(() -> Webhooks.verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers,
                bytes("{\"test\": 2432232315}"), FIVE_MINUTES, at(1614265330L)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void the_standard_form_signs_with_the_secrets_bytes_whether_given_as_issued_or_as_whsec() throws Exception {
        Map<String, List<String>> headers = standardHeaders("evt_1", T,
                base64(Crypto.hmac(bytes(SECRET), "evt_1." + T + "." + BODY)));
        String whsec = "whsec_" + Base64.getEncoder().encodeToString(bytes(SECRET));

        assertThat(Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T)).id()).isEqualTo("evt_1");
        assertThat(Webhooks.verify(whsec, headers, bytes(BODY), FIVE_MINUTES, at(T)).id()).isEqualTo("evt_1");
    }

    @Test
    void any_signature_of_a_rotation_list_in_the_standard_form_is_enough() throws Exception {
        String good = base64(Crypto.hmac(bytes(SECRET), "evt_1." + T + "." + BODY));
        Map<String, List<String>> headers = standardHeaders("evt_1", T,
                "v1,bm90LXRoaXMtb25lLW5vdC10aGlzLW9uZS1ub3QtdGhpcw== v1," + good);

        assertThat(Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T)).type())
                .isEqualTo("payment.succeeded");
    }

    @Test
    void a_delivery_verifies_when_either_form_does() throws Exception {
        Map<String, List<String>> headers = new HashMap<>(standardHeaders("evt_1", T,
                base64(Crypto.hmac(bytes(SECRET), "evt_1." + T + "." + BODY))));
        headers.put("Aggpay-Signature", List.of("t=" + T + ",v1=" + "00".repeat(32)));

        assertThat(Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T)).id()).isEqualTo("evt_1");
    }

    @Test
    void header_names_match_in_any_case() throws Exception {
        Map<String, List<String>> headers = Map.of("aggpay-signature", List.of(aggpayHeader(SECRET, T, BODY)));

        assertThat(Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T)).id()).isEqualTo("evt_1");
    }

    @Test
    void a_tampered_body_a_wrong_secret_and_an_old_or_future_timestamp_are_refused() throws Exception {
        Map<String, List<String>> headers = Map.of("Aggpay-Signature", List.of(aggpayHeader(SECRET, T, BODY)));

        assertReason(() -> Webhooks.verify(SECRET, headers, bytes(BODY.replace("po_1", "po_2")), FIVE_MINUTES, at(T)),
                WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
        assertReason(() -> Webhooks.verify("another-secret", headers, bytes(BODY), FIVE_MINUTES, at(T)),
                WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
        assertReason(() -> Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T + 301)),
                WebhookVerificationException.Reason.OUTSIDE_TOLERANCE);
        assertReason(() -> Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T - 301)),
                WebhookVerificationException.Reason.OUTSIDE_TOLERANCE);
        assertThat(Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T + 300)).id()).isEqualTo("evt_1");
    }

    @Test
    void the_standard_form_is_refused_outside_the_tolerance_too() throws Exception {
        Map<String, List<String>> headers = standardHeaders("evt_1", T,
                base64(Crypto.hmac(bytes(SECRET), "evt_1." + T + "." + BODY)));

        assertReason(() -> Webhooks.verify(SECRET, headers, bytes(BODY), FIVE_MINUTES, at(T + 3600)),
                WebhookVerificationException.Reason.OUTSIDE_TOLERANCE);
    }

    @Test
    void a_delivery_without_signature_headers_or_with_an_unreadable_one_is_refused() {
        assertReason(() -> Webhooks.verify(SECRET, Map.of(), bytes(BODY), FIVE_MINUTES, at(T)),
                WebhookVerificationException.Reason.NO_SIGNATURE);
        assertReason(() -> Webhooks.verify(SECRET, Map.of("Aggpay-Signature", List.of("v1=abc")), bytes(BODY),
                FIVE_MINUTES, at(T)), WebhookVerificationException.Reason.MALFORMED_HEADER);
    }

    @Test
    void a_payment_event_gives_its_order() throws Exception {
        String body = "{\"id\":\"evt_3\",\"type\":\"payment.succeeded\",\"created_at\":\"2026-11-26T10:01:00+08:00\","
                + "\"data\":{\"pay_order_id\":\"po_1\",\"mch_order_no\":\"A1\",\"amount\":1234,\"currency\":\"CNY\","
                + "\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\",\"state\":\"SUCCESS\",\"refunded_amount\":0,"
                + "\"paid_at\":\"2026-11-26T10:01:00+08:00\"}}";
        Map<String, List<String>> headers = Map.of("Aggpay-Signature", List.of(aggpayHeader(SECRET, T, body)));

        Order order = Webhooks.verify(SECRET, headers, bytes(body), FIVE_MINUTES, at(T)).order();

        assertThat(order.state()).isEqualTo(OrderState.SUCCESS);
        assertThat(order.amount()).isEqualTo(1234);
        assertThat(order.paidAt()).isEqualTo(OffsetDateTime.of(2026, 11, 26, 10, 1, 0, 0, ZoneOffset.ofHours(8)));
    }

    @Test
    void a_refund_event_gives_its_refund() throws Exception {
        String body = "{\"id\":\"evt_2\",\"type\":\"refund.succeeded\",\"created_at\":\"2026-11-26T11:00:00+08:00\","
                + "\"data\":{\"refund_id\":\"rf_1\",\"pay_order_id\":\"po_1\",\"mch_refund_no\":\"R1\",\"amount\":500,"
                + "\"state\":\"SUCCESS\",\"created_at\":\"2026-11-26T11:00:00+08:00\","
                + "\"succeeded_at\":\"2026-11-26T11:00:02+08:00\"}}";
        Map<String, List<String>> headers = Map.of("Aggpay-Signature", List.of(aggpayHeader(SECRET, T, body)));

        WebhookEvent event = Webhooks.verify(SECRET, headers, bytes(body), FIVE_MINUTES, at(T));

        assertThat(event.isRefund()).isTrue();
        assertThat(event.refund().state()).isEqualTo(RefundState.SUCCESS);
        assertThat(event.refund().amount()).isEqualTo(500);
        assertThatThrownBy(event::order).isInstanceOf(IllegalStateException.class);
    }

    private static String aggpayHeader(String secret, long t, String body) throws Exception {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(Crypto.hmac(bytes(secret), t + "." + body));
    }

    private static Map<String, List<String>> standardHeaders(String id, long t, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(t)),
                "webhook-signature", List.of(signature.startsWith("v1,") ? signature : "v1," + signature));
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                     WebhookVerificationException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Clock at(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
