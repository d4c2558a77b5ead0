package com.aggpay.simulator.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class AliBillTest {

    @Test
    void the_bill_is_a_gbk_zip_of_details_and_summary_with_tab_comma_fields() throws Exception {
        Trade trade = new Trade(Protocol.ALIPAY, "2021000000000001", "2021000000000001", "A1", "2026112622001", null,
                "precreate", 1234, "CNY", "Latte", null, null, null, null, OffsetDateTime.now());
        trade.pay(OffsetDateTime.parse("2026-11-26T10:00:05+08:00"));
        byte[] zip = AliBill.zip("2021000000000001", LocalDate.of(2026, 11, 26), List.of(trade), List.of());

        List<String> names = new ArrayList<>();
        String details = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), AliBill.GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                String text = new String(in.readAllBytes(), AliBill.GBK);
                if (!e.getName().contains("汇总")) {
                    details = text;
                }
            }
        }
        assertThat(names).containsExactly("2088000000000001_20261126_业务明细.csv", "2088000000000001_20261126_业务明细(汇总).csv");
        assertThat(details).startsWith("#支付宝业务明细查询\r\n#账号：[2088000000000001]\r\n").contains(AliBill.HEADER)
                .contains("2026112622001\t,A1\t,交易\t,Latte\t,").contains(",12.34\t,12.34\t,").contains(",-0.07\t,")
                .contains("#交易合计：1笔，退款合计：0笔");
    }
}
