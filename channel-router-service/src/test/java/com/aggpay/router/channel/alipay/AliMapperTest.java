package com.aggpay.router.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeStatus;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AliMapperTest {

    @Test
    void amounts_convert_exactly_at_the_edge() {
        assertThat(AliMapper.yuan(1)).isEqualTo("0.01");
        assertThat(AliMapper.yuan(100000000)).isEqualTo("1000000.00");
        assertThat(AliMapper.fen("12.34")).isEqualTo(1234L);
        assertThat(AliMapper.fen("12.3")).isEqualTo(1230L);
        assertThat(AliMapper.fen("12.345")).isNull();
        assertThat(AliMapper.fen("-1.00")).isNull();
        assertThat(AliMapper.fen("1e2")).isEqualTo(10000L);
        assertThat(AliMapper.fen("x")).isNull();
    }

    @Test
    void only_success_and_finished_are_paid() {
        assertThat(AliMapper.status("TRADE_SUCCESS")).isEqualTo(TradeStatus.PAID);
        assertThat(AliMapper.status("TRADE_FINISHED")).isEqualTo(TradeStatus.PAID);
        assertThat(AliMapper.status("WAIT_BUYER_PAY")).isEqualTo(TradeStatus.NOT_PAID);
        assertThat(AliMapper.status("TRADE_CLOSED")).isEqualTo(TradeStatus.CLOSED);
        assertThat(AliMapper.status("TRADE_SOMETHING")).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(AliMapper.status(null)).isEqualTo(TradeStatus.UNKNOWN);
    }

    @Test
    void failures_are_classified_as_channels_md_says() {
        assertThat(AliMapper.classifyFailure(response("20000", "isp.unknow-error"))).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(AliMapper.classifyFailure(response("40004", "ACQ.SYSTEM_ERROR"))).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(AliMapper.classifyFailure(response("40004", "ACQ.TRADE_HAS_SUCCESS"))).isInstanceOf(TradeOutcome.Paid.class);
        assertThat(AliMapper.classifyFailure(response("40004", "ACQ.INVALID_PARAMETER"))).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(AliMapper.classifyFailure(response("40002", "isv.invalid-signature"))).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(AliMapper.classifyFailure(response("40001", "isv.missing-method"))).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(AliMapper.classifyFailure(response("40006", "isv.insufficient-isv-permissions"))).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(AliMapper.classifyFailure(response(null, null))).isInstanceOf(TradeOutcome.Unknown.class);
    }

    @Test
    void china_times_parse_with_their_offset() {
        assertThat(AliMapper.parseTime("2026-11-26 10:00:00")).isEqualTo(OffsetDateTime.parse("2026-11-26T10:00:00+08:00"));
        assertThat(AliMapper.timeExpire(OffsetDateTime.parse("2026-11-26T02:15:00Z"))).isEqualTo("2026-11-26 10:15:00");
    }

    @Test
    void form_bodies_parse_as_utf8_and_refuse_repeated_names() {
        assertThat(AliNotifications.parseForm("subject=%E6%8B%BF%E9%93%81&a=1+2".getBytes(StandardCharsets.UTF_8)))
                .containsEntry("subject", "拿铁").containsEntry("a", "1 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                AliNotifications.parseForm("total_amount=1&total_amount=2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AlipayTradePrecreateResponse response(String code, String subCode) {
        AlipayTradePrecreateResponse response = new AlipayTradePrecreateResponse();
        response.setCode(code);
        response.setSubCode(subCode);
        return response;
    }
}
