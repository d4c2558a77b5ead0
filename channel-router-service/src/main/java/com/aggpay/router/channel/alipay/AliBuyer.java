package com.aggpay.router.channel.alipay;

import com.alipay.api.domain.AlipayTradeCreateModel;
import java.util.Map;

/**
 * The payer of an ALI_JSAPI trade, as the cashier learnt them: a {@code buyer_id} (user_id, 2088…) or, for apps
 * created since 2023 that know payers only by OpenID, a {@code buyer_open_id} with the {@code op_app_id} of the app
 * that issued it (when another app of the merchant did).
 */
record AliBuyer(String buyerId, String buyerOpenId, String opAppId) {

    /** The buyer named by channel_extra, buyer_id first; null when it names none. */
    static AliBuyer of(Map<String, String> channelExtra) {
        if (channelExtra == null) {
            return null;
        }
        String buyerId = nonBlank(channelExtra.get("buyer_id"));
        if (buyerId != null) {
            return new AliBuyer(buyerId, null, null);
        }
        String openId = nonBlank(channelExtra.get("buyer_open_id"));
        return openId == null ? null : new AliBuyer(null, openId, nonBlank(channelExtra.get("op_app_id")));
    }

    void applyTo(AlipayTradeCreateModel model) {
        model.setBuyerId(buyerId);
        model.setBuyerOpenId(buyerOpenId);
        model.setOpAppId(opAppId);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
