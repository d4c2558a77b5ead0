package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelInstance;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A UnionPay channel's credentials (docs/internals.md): the merchant's signing key and its certId, UnionPay's
 * verifying key and the certId its answers must carry. Never logged.
 */
record UpCredentials(PrivateKey merchantKey, String merchantCertId, PublicKey unionpayKey, String unionpayCertId) {

    static UpCredentials of(ChannelInstance channel) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new UpCredentials(
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(channel.credential("merchant_private_key"),
                            "PRIVATE KEY"))),
                    channel.credential("merchant_cert_id").trim(),
                    rsa.generatePublic(new X509EncodedKeySpec(der(channel.credential("unionpay_public_key"),
                            "PUBLIC KEY"))),
                    channel.credential("unionpay_cert_id").trim());
        } catch (GeneralSecurityException e) {
            // the exception text could quote key material: keep only its type
            throw new IllegalStateException("channel " + channel.name() + " has an unusable UnionPay key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("PEM block '" + label + "' not found");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    @Override
    public String toString() {
        return "UpCredentials[merchantCertId=" + merchantCertId + ", unionpayCertId=" + unionpayCertId
                + ", <keys hidden>]";
    }
}
