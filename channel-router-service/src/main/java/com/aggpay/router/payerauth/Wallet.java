package com.aggpay.router.payerauth;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import java.util.Set;

/** The wallets a payer can scan a store's code with, each with the in-wallet pay way its payer id serves. */
enum Wallet {
    WECHAT(PayWay.WX_JSAPI, Set.of(ChannelType.WXPAY_V3, ChannelType.WXPAY_V2)),
    ALIPAY(PayWay.ALI_JSAPI, Set.of(ChannelType.ALIPAY)),
    UNIONPAY(PayWay.UP_JSAPI, Set.of(ChannelType.UNIONPAY));

    /** A WeChat channel's official-account AppSecret: without it, no openid can be had through that channel. */
    static final String WX_APP_SECRET = "oauth_app_secret";

    private final PayWay payWay;
    private final Set<ChannelType> channelTypes;

    Wallet(PayWay payWay, Set<ChannelType> channelTypes) {
        this.payWay = payWay;
        this.channelTypes = channelTypes;
    }

    PayWay payWay() {
        return payWay;
    }

    /** Whether payers of this wallet can be authorised through the channel: its type, and what it needs for that. */
    boolean authorisesThrough(ChannelInstance channel) {
        return channelTypes.contains(channel.type()) && (this != WECHAT || present(channel.credentials().get(WX_APP_SECRET)));
    }

    boolean servedBy(ChannelType type) {
        return channelTypes.contains(type);
    }

    /** The wallet named, or null for anything else (case matters: the contract's names). */
    static Wallet parse(String name) {
        for (Wallet w : values()) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        return null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
