package com.aggpay.router.trade;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.PayWay;
import java.util.Map;

/**
 * An in-wallet payer id is only good with the app that issued it: a WeChat openid with its official account's appid,
 * an Alipay OpenID with its app_id. An order that names the app (WX_JSAPI {@code channel_extra.appid}, ALI_JSAPI
 * {@code channel_extra.op_app_id}) may only go to channels of that app; without the name, any channel may take it.
 */
final class AppPins {

    private AppPins() {
    }

    static boolean admits(ChannelInstance channel, PayWay payWay, Map<String, String> channelExtra) {
        if (channelExtra == null) {
            return true;
        }
        return switch (payWay) {
            case WX_JSAPI -> pinned(channelExtra.get("appid"), channel.credentials().get("appid"));
            case ALI_JSAPI -> pinned(channelExtra.get("op_app_id"), channel.accountId());
            default -> true;
        };
    }

    private static boolean pinned(String wanted, String channelApp) {
        return wanted == null || wanted.isBlank() || wanted.equals(channelApp);
    }
}
