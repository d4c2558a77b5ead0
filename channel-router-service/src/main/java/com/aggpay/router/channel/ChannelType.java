package com.aggpay.router.channel;

/** A kind of upstream protocol; each has one adapter package. */
public enum ChannelType {
    WXPAY_V3, WXPAY_V2, ALIPAY, UNIONPAY
}
