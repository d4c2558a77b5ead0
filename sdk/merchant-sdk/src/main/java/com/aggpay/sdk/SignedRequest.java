package com.aggpay.sdk;

/**
 * A request ready to send: the exact bytes that were signed and the {@code Authorization} header over them. Sending
 * other bytes than {@code body} would void the signature, so the client sends these and nothing else.
 */
public record SignedRequest(String method, String pathAndQuery, byte[] body, String timestamp, String nonce,
                            String authorization) {

    @Override
    public byte[] body() {
        return body.clone();
    }
}
