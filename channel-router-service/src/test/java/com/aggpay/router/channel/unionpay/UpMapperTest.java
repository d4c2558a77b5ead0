package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.TradeStatus;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class UpMapperTest {

    @Test
    void only_00_succeeds_03_to_06_stay_open_12_needs_a_query_and_the_rest_are_refusals() {
        assertThat(UpMapper.answer("00")).isEqualTo(UpMapper.Answer.SUCCESS);
        for (String open : new String[] {"03", "04", "05", "06"}) {
            assertThat(UpMapper.answer(open)).isEqualTo(UpMapper.Answer.UNKNOWN);
        }
        assertThat(UpMapper.answer("12")).isEqualTo(UpMapper.Answer.DUPLICATE);
        for (String refused : new String[] {"01", "02", "10", "11", "13", "31", "33", "35"}) {
            assertThat(UpMapper.answer(refused)).isEqualTo(UpMapper.Answer.REJECTED);
        }
        assertThat(UpMapper.answer(null)).isEqualTo(UpMapper.Answer.UNKNOWN);
        assertThat(UpMapper.answer("<html>")).isEqualTo(UpMapper.Answer.UNKNOWN);
    }

    @Test
    void the_wallet_gets_the_tn_as_json_and_a_tn_that_is_not_a_plain_token_gives_nothing() {
        assertThat(UpMapper.walletPayData("261126101500000000123")).hasValue("{\"tn\":\"261126101500000000123\"}");
        assertThat(UpMapper.walletPayData(null)).isEmpty();
        assertThat(UpMapper.walletPayData("")).isEmpty();
        assertThat(UpMapper.walletPayData("1\",\"x\":\"2")).isEmpty();
    }

    @Test
    void only_a_consumption_with_code_00_is_paid_and_anything_unknown_is_unknown() {
        assertThat(UpMapper.status("01", "00")).isEqualTo(TradeStatus.PAID);
        assertThat(UpMapper.status("01", "05")).isEqualTo(TradeStatus.NOT_PAID);
        assertThat(UpMapper.status("01", "04")).isEqualTo(TradeStatus.PAYING);
        assertThat(UpMapper.status("01", "01")).isEqualTo(TradeStatus.CLOSED);
        assertThat(UpMapper.status("01", "61")).isEqualTo(TradeStatus.FAILED);
        assertThat(UpMapper.status("01", "ZZ")).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(UpMapper.status("01", null)).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(UpMapper.status("04", "00")).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(UpMapper.status(null, "00")).isEqualTo(TradeStatus.UNKNOWN);
    }

    @Test
    void the_txn_time_of_an_order_is_always_the_same_valid_time() {
        String time = UpMapper.txnTime("0123456789abcdef0123456701");
        assertThat(time).matches("2020[0-9]{10}|2021[0-9]{10}");
        assertThat(LocalDateTime.parse(time, UpMapper.TXN_TIME)).isNotNull();
        assertThat(UpMapper.txnTime("0123456789abcdef0123456701")).isEqualTo(time);
        assertThat(UpMapper.txnTime("0123456789abcdef0123456702")).isNotEqualTo(time);
    }

    @Test
    void a_trace_time_without_year_lands_in_the_latest_year_not_in_the_future() {
        ZonedDateTime newYear = ZonedDateTime.of(2027, 1, 1, 0, 5, 0, 0, UpMapper.CHINA);
        assertThat(UpMapper.traceTime("1231235959", newYear))
                .isEqualTo(OffsetDateTime.parse("2026-12-31T23:59:59+08:00"));
        assertThat(UpMapper.traceTime("0101000100", newYear))
                .isEqualTo(OffsetDateTime.parse("2027-01-01T00:01:00+08:00"));
        assertThat(UpMapper.traceTime("1399000000", newYear)).isNull();
        assertThat(UpMapper.traceTime(null, newYear)).isNull();
    }

    @Test
    void amounts_are_whole_positive_fen_and_only_156_is_a_currency() {
        assertThat(UpMapper.fen("1234")).isEqualTo(1234);
        assertThat(UpMapper.fen("0")).isEqualTo(-1);
        assertThat(UpMapper.fen("12.34")).isEqualTo(-1);
        assertThat(UpMapper.fen("-5")).isEqualTo(-1);
        assertThat(UpMapper.fen(null)).isEqualTo(-1);
        assertThat(UpMapper.currency("156")).isEqualTo("CNY");
        assertThat(UpMapper.currency("840")).isNull();
    }
}
