package com.aggpay.order.payorder.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Input rules of the unified order (API.md). Pure: no Spring, no I/O. The first violation found is reported. */
public final class PayOrderRules {

    public static final long MAX_AMOUNT = 100_000_000L;
    private static final Pattern MCH_ORDER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CLIENT_IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    /** UnionPay's appUserId as its user authorisation gives it out: opaque, printable, no spaces. */
    private static final Pattern UP_USER_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_METADATA_KEYS = 20;
    private static final int MAX_METADATA_VALUE = 500;
    /** channel_extra and metadata, each as serialized (API.md). */
    public static final int MAX_JSON_OBJECT_BYTES = 4096;

    private PayOrderRules() {
    }

    public static Optional<Violation> check(CreatePayOrderRequest r, int maxExpireSeconds) {
        if (r.mchOrderNo() == null || r.mchOrderNo().isEmpty()) {
            return required("mch_order_no");
        }
        if (!MCH_ORDER_NO.matcher(r.mchOrderNo()).matches()) {
            return invalid("mch_order_no", "mch_order_no must be 1-32 characters of A-Z, a-z, 0-9, _ and -.");
        }
        if (r.amount() == null) {
            return required("amount");
        }
        if (r.amount() < 1 || r.amount() > MAX_AMOUNT) {
            return invalid("amount", "amount must be an integer number of fen from 1 to " + MAX_AMOUNT + ".");
        }
        if (r.currency() != null && !r.currency().equals("CNY")) {
            return Optional.of(new Violation(Violation.Kind.CURRENCY_UNSUPPORTED, "currency", "Only CNY is accepted."));
        }
        if (r.payWay() == null || r.payWay().isEmpty()) {
            return required("pay_way");
        }
        if (PayWay.parse(r.payWay()).isEmpty()) {
            return Optional.of(new Violation(Violation.Kind.PAY_WAY_UNSUPPORTED, "pay_way",
                    "pay_way '" + r.payWay() + "' is not one of the pay ways in the API reference."));
        }
        if (r.subject() == null || r.subject().isBlank()) {
            return required("subject");
        }
        if (r.subject().codePointCount(0, r.subject().length()) > 128) {
            return invalid("subject", "subject must be 1-128 characters.");
        }
        if (r.body() != null && r.body().codePointCount(0, r.body().length()) > 512) {
            return invalid("body", "body must be at most 512 characters.");
        }
        if (r.notifyUrl() != null && !isHttpUrl(r.notifyUrl())) {
            return invalid("notify_url", "notify_url must be an absolute http(s) URL of at most 512 characters.");
        }
        if (r.expireSeconds() != null && (r.expireSeconds() < 60 || r.expireSeconds() > maxExpireSeconds)) {
            return invalid("expire_seconds", "expire_seconds must be from 60 to " + maxExpireSeconds + ".");
        }
        if (r.clientIp() != null && !CLIENT_IP.matcher(r.clientIp()).matches()) {
            return invalid("client_ip", "client_ip must be an IPv4 or IPv6 address.");
        }
        if (r.payWay().equals(PayWay.UP_JSAPI.name())) {
            // the payer inside 云闪付 is named by UnionPay's user id; without it no channel can open the payment
            String userId = r.channelExtra() == null ? null : r.channelExtra().get("user_id");
            if (userId == null || !UP_USER_ID.matcher(userId).matches()) {
                return invalid("channel_extra", "UP_JSAPI needs channel_extra.user_id: the payer's UnionPay user id "
                        + "(appUserId), 1-128 printable characters without spaces.");
            }
        }
        return checkMetadata(r.metadata());
    }

    /**
     * channel_extra and metadata as they will be stored: at most {@link #MAX_JSON_OBJECT_BYTES} bytes of UTF-8 JSON
     * each. {@code null} stands for a field that was not given.
     */
    public static Optional<Violation> checkSerialized(String channelExtraJson, String metadataJson) {
        for (String[] field : new String[][] {{"channel_extra", channelExtraJson}, {"metadata", metadataJson}}) {
            if (field[1] != null && field[1].getBytes(StandardCharsets.UTF_8).length > MAX_JSON_OBJECT_BYTES) {
                return invalid(field[0], field[0] + " must be a JSON object of at most " + MAX_JSON_OBJECT_BYTES
                        + " bytes as serialized.");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkMetadata(Map<String, Object> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            return invalid("metadata", "metadata holds at most " + MAX_METADATA_KEYS + " keys.");
        }
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            Object v = e.getValue();
            boolean scalar = v == null || v instanceof String || v instanceof Number || v instanceof Boolean;
            if (!scalar || e.getKey().length() > 40 || String.valueOf(v).length() > MAX_METADATA_VALUE) {
                return invalid("metadata", "metadata values must be strings, numbers or booleans of at most "
                        + MAX_METADATA_VALUE + " characters, under keys of at most 40.");
            }
        }
        return Optional.empty();
    }

    private static boolean isHttpUrl(String s) {
        if (s.length() > 512) {
            return false;
        }
        try {
            URI uri = URI.create(s);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Violation> required(String param) {
        return Optional.of(new Violation(Violation.Kind.REQUIRED, param, param + " is required."));
    }

    private static Optional<Violation> invalid(String param, String detail) {
        return Optional.of(new Violation(Violation.Kind.INVALID, param, detail));
    }
}
