package com.aggpay.router.trade;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppPinsTest {

    private static ChannelInstance aWeChatChannel(String appid) {
        return new ChannelInstance("wxpay-x", ChannelType.WXPAY_V3, "1900000001", EnumSet.of(PayWay.WX_JSAPI), true,
                "http://sim", "http://gw/n", Map.of("appid", appid));
    }

    private static ChannelInstance anAlipayChannel(String appId) {
        return new ChannelInstance("alipay-x", ChannelType.ALIPAY, appId, EnumSet.of(PayWay.ALI_JSAPI), true,
                "http://sim", "http://gw/n", Map.of());
    }

    @Test
    void a_wechat_jsapi_order_naming_an_appid_goes_only_to_channels_of_that_official_account() {
        Map<String, String> extra = Map.of("openid", "oX", "appid", "wx2");

        assertThat(AppPins.admits(aWeChatChannel("wx2"), PayWay.WX_JSAPI, extra)).isTrue();
        assertThat(AppPins.admits(aWeChatChannel("wx1"), PayWay.WX_JSAPI, extra)).isFalse();
    }

    @Test
    void an_alipay_jsapi_order_naming_an_op_app_id_goes_only_to_that_apps_channels() {
        Map<String, String> extra = Map.of("buyer_open_id", "0abc", "op_app_id", "2021000000000002");

        assertThat(AppPins.admits(anAlipayChannel("2021000000000002"), PayWay.ALI_JSAPI, extra)).isTrue();
        assertThat(AppPins.admits(anAlipayChannel("2021000000000001"), PayWay.ALI_JSAPI, extra)).isFalse();
    }

    @Test
    void without_an_app_named_any_channel_may_take_the_order() {
        assertThat(AppPins.admits(aWeChatChannel("wx1"), PayWay.WX_JSAPI, Map.of("openid", "oX"))).isTrue();
        assertThat(AppPins.admits(aWeChatChannel("wx1"), PayWay.WX_JSAPI, Map.of("appid", " "))).isTrue();
        assertThat(AppPins.admits(anAlipayChannel("2021"), PayWay.ALI_JSAPI, null)).isTrue();
    }

    @Test
    void an_app_named_for_another_pay_way_pins_nothing() {
        assertThat(AppPins.admits(aWeChatChannel("wx1"), PayWay.WX_NATIVE, Map.of("appid", "wx2"))).isTrue();
    }
}
