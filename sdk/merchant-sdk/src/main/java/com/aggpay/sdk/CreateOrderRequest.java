package com.aggpay.sdk;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/pay/orders}. Start from {@link #of} with the required fields and add the optional
 * ones with the {@code with…} methods; fields left null are not sent, so the platform's defaults apply
 * ({@code currency} CNY, {@code notify_url} the app's webhook URL).
 */
public record CreateOrderRequest(String mchOrderNo, long amount, String currency, PayWay payWay, String subject,
                                 String body, String notifyUrl, Integer expireSeconds, String clientIp,
                                 Map<String, Object> channelExtra, Map<String, Object> metadata) {

    public static CreateOrderRequest of(String mchOrderNo, long amount, PayWay payWay, String subject) {
        return new CreateOrderRequest(mchOrderNo, amount, null, payWay, subject, null, null, null, null, null, null);
    }

    public CreateOrderRequest withCurrency(String currency) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, metadata);
    }

    public CreateOrderRequest withBody(String body) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, metadata);
    }

    public CreateOrderRequest withNotifyUrl(String notifyUrl) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, metadata);
    }

    public CreateOrderRequest withExpireSeconds(int expireSeconds) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, metadata);
    }

    public CreateOrderRequest withClientIp(String clientIp) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, metadata);
    }

    /** Channel-specific input, e.g. {@code openid} for {@code WX_JSAPI}. */
    public CreateOrderRequest withChannelExtra(Map<String, Object> channelExtra) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, Map.copyOf(channelExtra), metadata);
    }

    /** The merchant's own data, returned on the order and its webhooks. */
    public CreateOrderRequest withMetadata(Map<String, Object> metadata) {
        return new CreateOrderRequest(mchOrderNo, amount, currency, payWay, subject, body, notifyUrl, expireSeconds,
                clientIp, channelExtra, Map.copyOf(metadata));
    }
}
