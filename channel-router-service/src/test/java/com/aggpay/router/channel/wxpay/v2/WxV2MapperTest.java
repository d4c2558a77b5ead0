package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV2MapperTest {

    @Test
    void only_success_is_paid_and_an_unknown_state_is_unknown() {
        assertThat(WxV2Mapper.status("SUCCESS")).isEqualTo(TradeStatus.PAID);
        assertThat(WxV2Mapper.status("REFUND")).isEqualTo(TradeStatus.REFUNDED);
        assertThat(WxV2Mapper.status("NOTPAY")).isEqualTo(TradeStatus.NOT_PAID);
        assertThat(WxV2Mapper.status("CLOSED")).isEqualTo(TradeStatus.CLOSED);
        assertThat(WxV2Mapper.status("REVOKED")).isEqualTo(TradeStatus.CLOSED);
        assertThat(WxV2Mapper.status("USERPAYING")).isEqualTo(TradeStatus.PAYING);
        assertThat(WxV2Mapper.status("PAYERROR")).isEqualTo(TradeStatus.FAILED);
        assertThat(WxV2Mapper.status("success")).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(WxV2Mapper.status("ACCEPT")).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(WxV2Mapper.status(null)).isEqualTo(TradeStatus.UNKNOWN);
    }

    @Test
    void create_errors_are_classified_as_channels_md_says() {
        for (String definite : new String[] {"PARAM_ERROR", "SIGNERROR", "NOAUTH", "APPID_NOT_EXIST", "MCHID_NOT_EXIST",
                "APPID_MCHID_NOT_MATCH", "ORDERCLOSED", "LACK_PARAMS"}) {
            assertThat(WxV2Mapper.createFailure(definite, "x")).as(definite).isInstanceOf(TradeOutcome.Rejected.class);
        }
        for (String unknown : new String[] {"SYSTEMERROR", "BANKERROR", "OUT_TRADE_NO_USED", "FREQUENCY_LIMITED",
                "SOMETHING_NEW"}) {
            assertThat(WxV2Mapper.createFailure(unknown, "x")).as(unknown).isInstanceOf(TradeOutcome.Unknown.class);
        }
        assertThat(WxV2Mapper.createFailure("ORDERPAID", "x")).isEqualTo(new TradeOutcome.Paid("ORDERPAID"));
    }

    @Test
    void refund_errors_are_definite_only_when_known_to_be() {
        assertThat(WxV2Mapper.refundFailure("NOTENOUGH", "x")).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(WxV2Mapper.refundFailure("ORDERNOTEXIST", "x")).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(WxV2Mapper.refundFailure("SYSTEMERROR", "x")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(WxV2Mapper.refundFailure("BIZERR_NEED_RETRY", "x")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(WxV2Mapper.refundFailure("REFUND_FEE_MISMATCH", "x")).isInstanceOf(RefundOutcome.Unknown.class);
        assertThat(WxV2Mapper.refundStatus("SUCCESS", "50X", 5, null)).isInstanceOf(RefundOutcome.Succeeded.class);
        assertThat(WxV2Mapper.refundStatus("PROCESSING", "50X", 5, null)).isInstanceOf(RefundOutcome.Processing.class);
        assertThat(WxV2Mapper.refundStatus("REFUNDCLOSE", "50X", 5, null)).isInstanceOf(RefundOutcome.Failed.class);
        assertThat(WxV2Mapper.refundStatus("NEW_STATE", "50X", 5, null)).isInstanceOf(RefundOutcome.Unknown.class);
    }

    @Test
    void a_native_request_carries_fen_china_time_and_the_product_id() {
        TradeRequest request = new TradeRequest("T123456789", PayWay.WX_NATIVE, 1234, "CNY", "Latte", null,
                "203.0.113.7", OffsetDateTime.of(2026, 11, 26, 2, 15, 0, 0, ZoneOffset.UTC), Map.of());
        Map<String, String> f = WxV2Mapper.unifiedOrder(request, "https://p.example/notify/wxpay-v2");
        assertThat(f).containsEntry("total_fee", "1234").containsEntry("fee_type", "CNY")
                .containsEntry("time_expire", "20261126101500").containsEntry("trade_type", "NATIVE")
                .containsEntry("product_id", "T123456789").containsEntry("spbill_create_ip", "203.0.113.7")
                .doesNotContainKey("openid");
    }

    @Test
    void the_body_is_cut_to_128_bytes_without_splitting_a_character() {
        String body = WxV2Mapper.body("拿".repeat(100));
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isEqualTo(126);
        assertThat(body).isEqualTo("拿".repeat(42));
    }

    @Test
    void jsapi_and_app_params_are_signed_with_the_channels_key() {
        WxV2Credentials c = new WxV2Credentials("wx0000000000000003", "k".repeat(32), "HMAC-SHA256");
        Map<String, String> jsapi = WxV2Mapper.jsapiParams(c, "wx2026", 1764130000L, "n1");
        assertThat(jsapi).containsKeys("appId", "timeStamp", "nonceStr", "package", "signType", "paySign")
                .containsEntry("package", "prepay_id=wx2026").containsEntry("signType", "HMAC-SHA256");
        assertThat(WxV2Signer.verify(Map.of("appId", "wx0000000000000003", "timeStamp", "1764130000",
                "nonceStr", "n1", "package", "prepay_id=wx2026", "signType", "HMAC-SHA256",
                "sign", jsapi.get("paySign")), c.apiKey(), "HMAC-SHA256")).isTrue();
        Map<String, String> app = WxV2Mapper.appParams(c, "1900000003", "wx2026", 1764130000L, "n2");
        assertThat(app).containsEntry("partnerid", "1900000003").containsEntry("package", "Sign=WXPay");
        assertThat(WxV2Signer.verify(app, c.apiKey(), "HMAC-SHA256")).isTrue();
    }

    @Test
    void times_and_amounts_parse_strictly() {
        assertThat(WxV2Mapper.wxTime("20261126101500"))
                .isEqualTo(OffsetDateTime.of(2026, 11, 26, 10, 15, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(WxV2Mapper.wxTime("2026-11-26")).isNull();
        assertThat(WxV2Mapper.fen("1234")).isEqualTo(1234L);
        assertThat(WxV2Mapper.fen("0")).isNull();
        assertThat(WxV2Mapper.fen("12.34")).isNull();
        assertThat(WxV2Mapper.fen("-1")).isNull();
    }
}
