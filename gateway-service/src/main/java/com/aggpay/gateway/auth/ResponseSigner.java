package com.aggpay.gateway.auth;

import com.aggpay.contracts.signing.MerchantSignature;
import com.aggpay.gateway.platformkey.PlatformKey;

/**
 * The {@code Aggpay-Signature} of an answer to a signed request (API.md): the app's HMAC secret for requests signed
 * with {@code AGGPAY-HMAC-SHA256}, the platform's RSA key for requests signed with {@code AGGPAY-SHA256-RSA2048}.
 */
public sealed interface ResponseSigner {

    /** Base64 signature over {@code TIMESTAMP\nNONCE\nBODY\n}. */
    String sign(byte[] message);

    record AppSecret(String secret) implements ResponseSigner {
        @Override
        public String sign(byte[] message) {
            return MerchantSignature.hmacSha256Base64(secret, message);
        }

        @Override
        public String toString() {
            return "AppSecret[<redacted>]";
        }
    }

    record Platform(PlatformKey key) implements ResponseSigner {
        @Override
        public String sign(byte[] message) {
            return MerchantSignature.rsaSha256Base64(key.privateKey(), message);
        }
    }
}
