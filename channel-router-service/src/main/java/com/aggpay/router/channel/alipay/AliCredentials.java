package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelInstance;

/**
 * An Alipay channel's keys, as the SDK wants them: the Base64 body of the PEM (its own decoder does not skip PEM
 * armour). Never logged.
 */
record AliCredentials(String appPrivateKey, String alipayPublicKey) {

    static AliCredentials of(ChannelInstance channel) {
        return new AliCredentials(pemBody(channel.credential("app_private_key")),
                pemBody(channel.credential("alipay_public_key")));
    }

    static String pemBody(String pem) {
        return pem.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
    }

    @Override
    public String toString() {
        return "AliCredentials[<hidden>]";
    }
}
