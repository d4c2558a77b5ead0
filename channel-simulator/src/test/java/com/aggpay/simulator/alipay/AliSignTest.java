package com.aggpay.simulator.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliSignTest {

    @Test
    void request_content_is_sorted_without_sign_and_empty_values_and_unencoded() {
        Map<String, String> params = new HashMap<>();
        params.put("method", "alipay.trade.precreate");
        params.put("app_id", "2021000000000001");
        params.put("sign", "xxx");
        params.put("sign_type", "RSA2");
        params.put("notify_url", "http://a/b?c=d&e");
        params.put("app_auth_token", "");
        params.put("biz_content", "{\"subject\":\"拿铁\"}");
        assertThat(AliSign.content(params, AliSign.REQUEST_EXCLUDED)).isEqualTo(
                "app_id=2021000000000001&biz_content={\"subject\":\"拿铁\"}&method=alipay.trade.precreate"
                        + "&notify_url=http://a/b?c=d&e&sign_type=RSA2");
        assertThat(AliSign.content(params, AliSign.NOTIFY_EXCLUDED)).doesNotContain("sign_type");
    }

    @Test
    void yuan_and_fen_convert_exactly() {
        assertThat(AliTrades.fen("12.34")).isEqualTo(1234L);
        assertThat(AliTrades.fen("0.1")).isEqualTo(10L);
        assertThat(AliTrades.fen("1.005")).isNull();
        assertThat(AliTrades.fen("0")).isNull();
        assertThat(AliTrades.fen("abc")).isNull();
        assertThat(AliTrades.yuan(5)).isEqualTo("0.05");
        assertThat(AliTrades.yuan(123456)).isEqualTo("1234.56");
    }
}
