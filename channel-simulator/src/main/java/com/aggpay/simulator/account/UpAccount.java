package com.aggpay.simulator.account;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The simulator's half of a UnionPay merchant: the merchant's public key and certId (to verify requests) and
 * UnionPay's own signing key and certId. Never logged.
 */
public record UpAccount(String merId, PublicKey merchantPublicKey, String merchantCertId, PrivateKey unionpayPrivateKey,
                        String unionpayCertId) {

    @Override
    public String toString() {
        return "UpAccount[merId=" + merId + ", merchantCertId=" + merchantCertId + ", unionpayCertId=" + unionpayCertId
                + "]";
    }
}
