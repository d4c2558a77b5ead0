package com.aggpay.router.channel;

import java.util.Map;

/**
 * A callback exactly as it arrived from upstream: headers (lower-case names) and the raw body bytes, which the
 * signatures cover. Adapters parse it; nothing upstream of them touches its content.
 */
public record ChannelNotification(Map<String, String> headers, byte[] body, String contentType) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
