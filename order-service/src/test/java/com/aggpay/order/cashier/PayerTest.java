package com.aggpay.order.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PayerTest {

    @Test
    void eachWalletPaysWithItsOwnPayWayAndNamesThePayerTheWayItsChannelExpects() {
        Payer wx = new Payer("WECHAT", "oAbc123", "OPENID", "wx0000000000000001");
        Payer aliUser = new Payer("ALIPAY", "2088000000000001", "USER_ID", "2021000000000001");
        Payer aliOpen = new Payer("ALIPAY", "074a1CcTG", "OPEN_ID", "2021000000000001");
        Payer up = new Payer("UNIONPAY", "dGVzdA==", "APP_USER_ID", null);

        assertThat(wx.payWay()).isEqualTo("WX_JSAPI");
        assertThat(wx.channelExtra()).isEqualTo(Map.of("openid", "oAbc123", "appid", "wx0000000000000001"));
        assertThat(aliUser.payWay()).isEqualTo("ALI_JSAPI");
        assertThat(aliUser.channelExtra()).isEqualTo(Map.of("buyer_id", "2088000000000001"));
        assertThat(aliOpen.channelExtra()).isEqualTo(Map.of("buyer_open_id", "074a1CcTG",
                "op_app_id", "2021000000000001"));
        assertThat(up.payWay()).isEqualTo("UP_JSAPI");
        assertThat(up.channelExtra()).isEqualTo(Map.of("user_id", "dGVzdA=="));
        assertThat(wx.problem()).isEmpty();
        assertThat(aliOpen.problem()).isEmpty();
        assertThat(up.problem()).isEmpty();
    }

    @Test
    void payersWhoseIdCannotBeUsedAreRefused() {
        assertThat(new Payer("WECHAT", "oAbc", "OPENID", null).problem()).isPresent();        // openid without its app
        assertThat(new Payer("ALIPAY", "074a", "OPEN_ID", null).problem()).isPresent();       // OpenID without its app
        assertThat(new Payer("ALIPAY", "2088", "OPENID", "2021").problem()).isPresent();      // another wallet's kind
        assertThat(new Payer("PAYPAL", "x", "USER_ID", null).problem()).isPresent();
        assertThat(new Payer("UNIONPAY", "has space", "APP_USER_ID", null).problem()).isPresent();
        assertThat(new Payer("UNIONPAY", null, "APP_USER_ID", null).problem()).isPresent();
        assertThat(new Payer("WECHAT", "oAbc", "OPENID", "wx-with-dash").problem()).isPresent();
    }

    @Test
    void theSamePressIsTheSameOrderAndAnythingElseIsAnother() {
        Payer payer = new Payer("WECHAT", "oAbc123", "OPENID", "wx1");
        StaticOrderRequest press = new StaticOrderRequest("demo-app", "M10001", "demo-store", "Noodles", 1234L,
                "req-00000001", payer, null);
        String no = CashierOrders.mchOrderNo(press);
        assertThat(no).matches("SQ[0-9a-f]{30}");
        assertThat(CashierOrders.mchOrderNo(press)).isEqualTo(no);
        assertThat(CashierOrders.mchOrderNo(new StaticOrderRequest("demo-app", "M10001", "demo-store", "Noodles",
                1234L, "req-00000002", payer, null))).isNotEqualTo(no);
        assertThat(CashierOrders.mchOrderNo(new StaticOrderRequest("demo-app", "M10001", "demo-store", "Noodles",
                1234L, "req-00000001", new Payer("WECHAT", "oOther", "OPENID", "wx1"), null))).isNotEqualTo(no);
    }
}
