package com.aggpay.simulator.account;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The simulator's half of an Alipay app: the app's public key and Alipay's own private key. Never logged. */
public record AliAccount(String appId, PublicKey appPublicKey, PrivateKey alipayPrivateKey) {

    @Override
    public String toString() {
        return "AliAccount[appId=" + appId + "]";
    }
}
