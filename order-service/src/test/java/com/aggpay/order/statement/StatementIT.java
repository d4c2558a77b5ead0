package com.aggpay.order.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.routing.ChannelBillClient;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Merchant statements against the real MariaDB; the router's fee rates are a test double. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatementIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    ChannelBillClient router;
    private String app;

    @BeforeEach
    void anAppOfItsOwnOnAChannelAt0_38Percent() {
        app = "st-" + UUID.randomUUID().toString().substring(0, 8);
        when(router.feeRates()).thenReturn(List.of(new ChannelFeeRate("alipay-a", 3800),
                new ChannelFeeRate("wxpay-a", 6000)));
    }

    @Test
    void the_statement_lists_the_days_payments_and_refunds_with_fees_rounded_half_up_and_totals() throws Exception {
        aPaidOrder(app, "P1", 1, "2026-11-20T02:00:00");
        aPaidOrder(app, "P2", 133, "2026-11-20T03:00:00");
        aPaidOrder(app, "P3", 1000, "2026-11-20T04:00:00");
        aPaidOrder(app, "OLD", 5000, "2026-11-19T15:59:59");   // 23:59:59 the day before in Shanghai
        aPaidOrder("x" + app, "P9", 777, "2026-11-20T04:00:00");
        aSucceededRefund("P3", "R1", 400, "2026-11-20T05:00:00");

        MvcResult r = mvc.perform(get("/api/v1/statements/2026-11-20").header(AggpayHeaders.APP_ID, app)
                .header(AggpayHeaders.MCH_NO, "M10001")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        List<String> rows = r.getResponse().getContentAsString().lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).containsExactly(
                "type,pay_order_id,mch_order_no,refund_id,mch_refund_no,channel,pay_way,amount,fee,net,time",
                "PAYMENT,po_" + app + "P1,mo" + app + "P1,,,alipay-a,ALI_QR,1,0,1,2026-11-20T10:00+08:00",
                "PAYMENT,po_" + app + "P2,mo" + app + "P2,,,alipay-a,ALI_QR,133,1,132,2026-11-20T11:00+08:00",
                "PAYMENT,po_" + app + "P3,mo" + app + "P3,,,alipay-a,ALI_QR,1000,4,996,2026-11-20T12:00+08:00",
                "REFUND,po_" + app + "P3,mo" + app + "P3,rf_" + app + "R1,mr" + app
                        + "R1,alipay-a,ALI_QR,-400,-2,-398,2026-11-20T13:00+08:00",
                "TOTAL,,,,,,,734,3,731,");
        assertThat(r.getResponse().getContentAsString()).contains("# fee = round_half_up(amount * rate)");
    }

    @Test
    void a_malformed_date_is_400_and_a_call_around_the_gateway_is_401() throws Exception {
        MvcResult bad = mvc.perform(get("/api/v1/statements/2026-13-01").header(AggpayHeaders.APP_ID, app)
                .header(AggpayHeaders.MCH_NO, "M10001")).andReturn();
        MvcResult anonymous = mvc.perform(get("/api/v1/statements/2026-11-20")).andReturn();

        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("\"param\":\"date\"");
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
    }

    private void aPaidOrder(String appId, String order, long amount, String paidAtUtc) {
        LocalDateTime paidAt = LocalDateTime.parse(paidAtUtc);
        jdbc.update("""
                INSERT INTO pay_order (pay_order_id, mch_no, app_id, mch_order_no, amount, currency, pay_way, subject,
                       state, channel, out_trade_no, created_at, expires_at, paid_at, updated_at)
                VALUES (?, 'M10001', ?, ?, ?, 'CNY', 'ALI_QR', 'x', 'SUCCESS', 'alipay-a', ?, ?, ?, ?, ?)""",
                "po_" + appId + order, appId, "mo" + appId + order, amount, appId + order + "01", paidAt,
                paidAt.plusDays(1), paidAt, paidAt);
    }

    private void aSucceededRefund(String order, String refund, long amount, String succeededAtUtc) {
        LocalDateTime at = LocalDateTime.parse(succeededAtUtc);
        jdbc.update("""
                INSERT INTO refund (refund_id, pay_order_id, app_id, mch_no, mch_refund_no, out_refund_no, amount,
                       state, channel, created_at, succeeded_at, updated_at)
                VALUES (?, ?, ?, 'M10001', ?, ?, ?, 'SUCCESS', 'alipay-a', ?, ?, ?)""",
                "rf_" + app + refund, "po_" + app + order, app, "mr" + app + refund, app + refund, amount, at, at, at);
    }
}
