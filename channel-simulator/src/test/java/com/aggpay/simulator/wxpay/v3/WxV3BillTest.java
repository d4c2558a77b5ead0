package com.aggpay.simulator.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WxV3BillTest {

    @Test
    void the_bill_has_the_header_backquoted_rows_and_a_summary_that_adds_up() {
        WxV3Account account = new WxV3Account("1900000001", "wx0000000000000001", null, null, "PUB_KEY_ID_1", "k");
        Trade trade = new Trade(Protocol.WXPAY_V3, "1900000001", "wx0000000000000001", "T1", "4200000001", null,
                "NATIVE", 1234, "CNY", "Latte, large", "oUser", null, null, null, OffsetDateTime.now());
        trade.pay(OffsetDateTime.parse("2026-11-26T10:00:05+08:00"));
        trade.refund(234);
        Refund refund = new Refund(trade, "R1", "50300001", 234, null, null, OffsetDateTime.now());
        refund.succeed(OffsetDateTime.parse("2026-11-26T11:00:00+08:00"));

        String[] rows = WxV3Bill.csv(account, List.of(trade), List.of(refund)).split("\r\n");

        assertThat(rows[0]).isEqualTo(WxV3Bill.HEADER);
        assertThat(rows[1]).startsWith("`2026-11-26 10:00:05,`wx0000000000000001,`1900000001,")
                .contains(",`4200000001,`T1,`oUser,`NATIVE,`SUCCESS,", ",`12.34,", ",`0.07000,`0.6%,");
        assertThat(rows[1].split(",`", -1)).hasSize(27);
        assertThat(rows[2]).contains(",`REFUND,", ",`50300001,`R1,`2.34,", ",`-0.01000,");
        assertThat(rows[3]).isEqualTo(WxV3Bill.SUMMARY_HEADER);
        assertThat(rows[4]).isEqualTo("`2,`12.34,`2.34,`0.00,`0.06000,`12.34,`2.34");
    }
}
