package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpUserAuthTest {

    @Test
    void the_wallet_app_is_the_unionpay_mark_of_the_payers_user_agent() {
        assertThat(UpUserAuth.appUpIdentifier("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 UnionPay/1.0 CloudPay"))
                .isEqualTo("UnionPay/1.0 CloudPay");
        assertThat(UpUserAuth.appUpIdentifier("Mozilla/5.0 (Linux; Android 14) UnionPay/2.3.1 ICBCBank (x)"))
                .isEqualTo("UnionPay/2.3.1 ICBCBank");
    }

    @Test
    void a_user_agent_without_the_mark_counts_as_the_cloudpay_app() {
        assertThat(UpUserAuth.appUpIdentifier("Mozilla/5.0 CloudPay")).isEqualTo("UnionPay/1.0 CloudPay");
        assertThat(UpUserAuth.appUpIdentifier(null)).isEqualTo("UnionPay/1.0 CloudPay");
    }

    @Test
    void the_exchange_is_a_txn_00_10_with_the_code_as_received_and_the_wallet_app() {
        ChannelInstance channel = new ChannelInstance("unionpay-a", ChannelType.UNIONPAY, "777290058110001",
                EnumSet.of(PayWay.UP_JSAPI), true, "http://sim", "http://gw/n", Map.of());

        Map<String, String> fields = UpRequests.userAuth(channel, "69042905377", "UA0123456789abcdef",
                "20260101120000", "uskMsSXHS1KBLHZ90+iDzA==", "UnionPay/1.0 CloudPay");

        assertThat(fields).containsEntry("txnType", "00").containsEntry("txnSubType", "10")
                .containsEntry("bizType", "000000").containsEntry("channelType", "08")
                .containsEntry("accessType", "0").containsEntry("merId", "777290058110001")
                .containsEntry("certId", "69042905377").containsEntry("orderId", "UA0123456789abcdef")
                .containsEntry("txnTime", "20260101120000")
                .containsEntry("userAuthCode", "uskMsSXHS1KBLHZ90+iDzA==")
                .containsEntry("appUpIdentifier", "UnionPay/1.0 CloudPay")
                .doesNotContainKey("signature");
    }
}
