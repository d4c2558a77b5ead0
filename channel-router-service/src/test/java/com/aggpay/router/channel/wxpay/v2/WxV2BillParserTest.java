package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.router.channel.ChannelBill;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WxV2BillParserTest {

    private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
            + "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    private static final String PAYMENT = "`2026-11-26 10:00:00,`wx0000000000000003,`1900000003,`0,`,`4200000001,"
            + "`T1,`oUser,`NATIVE,`SUCCESS,`OTHERS,`CNY,`12.34,`0.00,`0,`0,`0.00,`0.00,`,`,`Latte, large,`,"
            + "`0.07404,`0.60%,`12.34,`0.00,`";
    private static final String REFUND = "`2026-11-26 11:00:00,`wx0000000000000003,`1900000003,`0,`,`4200000001,"
            + "`T1,`oUser,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`5000001,`R1,`5.00,`0.00,`ORIGINAL,`SUCCESS,"
            + "`Latte,`,`-0.03000,`0.60%,`12.34,`5.00,`";
    private static final String SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    @Test
    void payments_and_refunds_become_lines_in_fen_with_the_fee_rounded() {
        ChannelBill bill = WxV2BillParser.parse("wxpay-v2", LocalDate.of(2026, 11, 26),
                String.join("\r\n", HEADER, PAYMENT, REFUND, SUMMARY, "`2,`12.34,`5.00,`0.00,`0.04404,`12.34,`5.00") + "\r\n");
        assertThat(bill.lines()).containsExactly(
                new ChannelBill.Line(ChannelBill.Kind.PAYMENT, "T1", "4200000001", null, 1234, 7, "SUCCESS",
                        OffsetDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZoneOffset.ofHours(8))),
                new ChannelBill.Line(ChannelBill.Kind.REFUND, "T1", "4200000001", "R1", 500, 3, "SUCCESS",
                        OffsetDateTime.of(2026, 11, 26, 11, 0, 0, 0, ZoneOffset.ofHours(8))));
    }

    @Test
    void a_bill_whose_summary_disagrees_or_is_missing_is_refused() {
        assertThatThrownBy(() -> WxV2BillParser.parse("wxpay-v2", LocalDate.now(),
                String.join("\n", HEADER, PAYMENT, SUMMARY, "`2,`12.34,`0.00,`0.00,`0.07404,`12.34,`0.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WxV2BillParser.parse("wxpay-v2", LocalDate.now(), String.join("\n", HEADER, PAYMENT)))
                .isInstanceOf(IllegalStateException.class);
    }
}
