package com.aggpay.order.payorder.domain;

import com.aggpay.order.payorder.domain.CreatePayOrderRequest;
import com.aggpay.order.payorder.domain.Violation;
import com.aggpay.order.payorder.domain.PayOrderRules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayOrderRulesTest {

    private static CreatePayOrderRequest aValidRequest() {
        return new CreatePayOrderRequest("A20261126001", 1234L, "CNY", "WX_NATIVE", "Latte", "1 x latte",
                "https://shop.example/hooks/pay", 900, "203.0.113.7", Map.of("openid", "o1"), Map.of("table", "7"));
    }

    private static Optional<Violation> check(CreatePayOrderRequest r) {
        return PayOrderRules.check(r, 86400);
    }

    private static CreatePayOrderRequest with(String field, Object value) {
        CreatePayOrderRequest r = aValidRequest();
        return new CreatePayOrderRequest(
                field.equals("mch_order_no") ? (String) value : r.mchOrderNo(),
                field.equals("amount") ? (Long) value : r.amount(),
                field.equals("currency") ? (String) value : r.currency(),
                field.equals("pay_way") ? (String) value : r.payWay(),
                field.equals("subject") ? (String) value : r.subject(),
                r.body(),
                field.equals("notify_url") ? (String) value : r.notifyUrl(),
                field.equals("expire_seconds") ? (Integer) value : r.expireSeconds(),
                field.equals("client_ip") ? (String) value : r.clientIp(),
                field.equals("channel_extra") ? castStrings(value) : r.channelExtra(),
                field.equals("metadata") ? castMap(value) : r.metadata());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castStrings(Object v) {
        return (Map<String, String>) v;
    }

    private static CreatePayOrderRequest aUnionPayWalletRequest(Map<String, String> channelExtra) {
        CreatePayOrderRequest r = with("pay_way", "UP_JSAPI");
        return new CreatePayOrderRequest(r.mchOrderNo(), r.amount(), r.currency(), r.payWay(), r.subject(), r.body(),
                r.notifyUrl(), r.expireSeconds(), r.clientIp(), channelExtra, r.metadata());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object v) {
        return (Map<String, Object>) v;
    }

    @Test
    void a_valid_request_passes_and_currency_may_be_left_out() {
        assertThat(check(aValidRequest())).isEmpty();
        assertThat(check(with("currency", null))).isEmpty();
    }

    @Test
    void each_required_field_is_reported_by_name() {
        assertThat(check(with("mch_order_no", null))).contains(
                new Violation(Violation.Kind.REQUIRED, "mch_order_no", "mch_order_no is required."));
        assertThat(check(with("amount", null)).map(Violation::param)).contains("amount");
        assertThat(check(with("pay_way", null)).map(Violation::param)).contains("pay_way");
        assertThat(check(with("subject", " ")).map(Violation::param)).contains("subject");
    }

    @Test
    void amounts_outside_one_fen_to_one_million_yuan_are_refused() {
        assertThat(check(with("amount", 0L)).map(Violation::kind)).contains(Violation.Kind.INVALID);
        assertThat(check(with("amount", -5L)).map(Violation::param)).contains("amount");
        assertThat(check(with("amount", 100_000_001L))).isPresent();
        assertThat(check(with("amount", 1L))).isEmpty();
        assertThat(check(with("amount", 100_000_000L))).isEmpty();
    }

    @Test
    void mch_order_no_allows_only_the_documented_characters_and_length() {
        assertThat(check(with("mch_order_no", "A".repeat(32)))).isEmpty();
        assertThat(check(with("mch_order_no", "A".repeat(33)))).isPresent();
        assertThat(check(with("mch_order_no", "A 1"))).isPresent();
        assertThat(check(with("mch_order_no", "订单1"))).isPresent();
    }

    @Test
    void unsupported_currency_and_pay_way_have_their_own_codes() {
        assertThat(check(with("currency", "USD")).map(Violation::kind)).contains(Violation.Kind.CURRENCY_UNSUPPORTED);
        assertThat(check(with("pay_way", "BITCOIN")).map(Violation::kind)).contains(Violation.Kind.PAY_WAY_UNSUPPORTED);
        assertThat(check(with("pay_way", "QR_CASHIER"))).isEmpty();
    }

    @Test
    void subject_counts_characters_not_bytes() {
        assertThat(check(with("subject", "拿".repeat(128)))).isEmpty();
        assertThat(check(with("subject", "拿".repeat(129)))).isPresent();
    }

    @Test
    void notify_url_expiry_ip_and_metadata_are_checked() {
        assertThat(check(with("notify_url", "ftp://x/y")).map(Violation::param)).contains("notify_url");
        assertThat(check(with("notify_url", "not a url")).map(Violation::param)).contains("notify_url");
        assertThat(check(with("expire_seconds", 59)).map(Violation::param)).contains("expire_seconds");
        assertThat(check(with("client_ip", "<script>")).map(Violation::param)).contains("client_ip");
        assertThat(check(with("metadata", Map.of("nested", Map.of("a", 1)))).map(Violation::param))
                .contains("metadata");
    }

    @Test
    void a_union_pay_wallet_payment_needs_the_payers_user_id_in_channel_extra() {
        assertThat(check(aUnionPayWalletRequest(Map.of("user_id", "cG9zLXBheWVyLTAwMQ+/Up8x=")))).isEmpty();
        for (Map<String, String> extra : new Map[] {null, Map.of(), Map.of("openid", "o1"), Map.of("user_id", ""),
                Map.of("user_id", "a payer"), Map.of("user_id", "x".repeat(129))}) {
            assertThat(check(aUnionPayWalletRequest(extra))).as("channel_extra %s", extra).hasValueSatisfying(v -> {
                assertThat(v.kind()).isEqualTo(Violation.Kind.INVALID);
                assertThat(v.param()).isEqualTo("channel_extra");
            });
        }
    }
}
