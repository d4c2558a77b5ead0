package com.aggpay.router.channel.wxpay.v3;

import com.wechat.pay.java.service.refund.model.RefundNotification;

/**
 * The decrypted resource of a REFUND.* notification. The SDK's {@link RefundNotification} omits {@code mchid}; this
 * adds it (the SDK's Gson maps the field by name) so a notification for another merchant is refused.
 */
class WxV3RefundResource extends RefundNotification {

    private String mchid;

    String mchid() {
        return mchid;
    }
}
