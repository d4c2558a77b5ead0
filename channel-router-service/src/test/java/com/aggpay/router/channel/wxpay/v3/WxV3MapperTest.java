package com.aggpay.router.channel.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeStatus;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.service.payments.model.Transaction.TradeStateEnum;
import org.junit.jupiter.api.Test;

class WxV3MapperTest {

    @Test
    void only_success_is_paid_and_an_unknown_state_is_unknown() {
        assertThat(WxV3Mapper.status(TradeStateEnum.SUCCESS)).isEqualTo(TradeStatus.PAID);
        assertThat(WxV3Mapper.status(TradeStateEnum.NOTPAY)).isEqualTo(TradeStatus.NOT_PAID);
        assertThat(WxV3Mapper.status(TradeStateEnum.CLOSED)).isEqualTo(TradeStatus.CLOSED);
        assertThat(WxV3Mapper.status(TradeStateEnum.REFUND)).isEqualTo(TradeStatus.REFUNDED);
        assertThat(WxV3Mapper.status(TradeStateEnum.PAYERROR)).isEqualTo(TradeStatus.FAILED);
        assertThat(WxV3Mapper.status(null)).isEqualTo(TradeStatus.UNKNOWN);
        for (TradeStateEnum state : TradeStateEnum.values()) {
            if (state != TradeStateEnum.SUCCESS) {
                assertThat(WxV3Mapper.status(state)).isNotEqualTo(TradeStatus.PAID);
            }
        }
    }

    @Test
    void error_answers_are_classified_as_channels_md_says() {
        assertThat(classify(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(classify(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(classify(403, "{\"code\":\"NO_AUTH\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Rejected.class);
        assertThat(classify(400, "{\"code\":\"ORDERPAID\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Paid.class);
        assertThat(classify(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(classify(400, "{\"code\":\"BANKERROR\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(classify(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(classify(400, "{\"code\":\"OUT_TRADE_NO_USED\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Unknown.class);
        assertThat(classify(400, "{\"code\":\"SOMETHING_NEW\",\"message\":\"x\"}")).isInstanceOf(TradeOutcome.Unknown.class);
    }

    private static TradeOutcome classify(int status, String body) {
        HttpRequest request = new HttpRequest.Builder().httpMethod(HttpMethod.POST)
                .url("https://api.mch.weixin.qq.com/v3/pay/transactions/native").build();
        return WxV3Mapper.classify(new ServiceException(request, status, body));
    }
}
