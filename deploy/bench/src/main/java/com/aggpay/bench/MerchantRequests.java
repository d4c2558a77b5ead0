package com.aggpay.bench;

import com.aggpay.contracts.signing.MerchantSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * Signed unified-order requests of the demo merchant (API.md, "Authentication" and "Create a payment order").
 * Nonces and {@code mch_order_no}s come from a run prefix and a counter, so they are unique without random bytes
 * and a replayed nonce can only mean a bug in the driver.
 */
final class MerchantRequests {

    static final String PATH = "/api/v1/pay/orders";

    /** One signed create: the {@code Authorization} header value and the exact body bytes it covers. */
    record SignedCreate(String authorization, String body) {
    }

    private final String appId;
    private final String secret;
    private final String payWay;
    private final List<String> notifyUrls;
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param prefix     1–10 of {@code [A-Za-z0-9]}: distinguishes this run's orders from every earlier run's
     * @param notifyUrls the orders' webhook addresses, taking turns: order n goes to {@code notifyUrls[n % size]}, so
     *                   the address of any order can be told from its {@code mch_order_no} ({@link #sequenceOf});
     *                   empty for the app's default
     */
    MerchantRequests(String appId, String secret, String payWay, List<String> notifyUrls, String prefix) {
        this.appId = appId;
        this.secret = secret;
        this.payWay = payWay;
        this.notifyUrls = List.copyOf(notifyUrls);
        this.prefix = prefix;
    }

    /** A prefix unique to this moment: the current time in milliseconds, base 36 (8 characters). */
    static String runPrefix() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    SignedCreate next() {
        long n = sequence.getAndIncrement();
        String mchOrderNo = "B" + prefix + "N" + n;
        String notifyUrl = notifyUrls.isEmpty() ? null : notifyUrls.get((int) (n % notifyUrls.size()));
        String body = "{\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":"
                + (100 + ThreadLocalRandom.current().nextInt(9900)) + ",\"pay_way\":\"" + payWay
                + "\",\"subject\":\"bench\""
                + (notifyUrl == null ? "" : ",\"notify_url\":\"" + notifyUrl + "\"")
                + ",\"channel_extra\":{\"openid\":\"o_bench\",\"buyer_id\":\"2088000000000001\"}}";
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = "bn-" + prefix + "-" + n;
        String signature = MerchantSignature.hmacSha256Base64(secret, MerchantSignature.requestMessage("POST", PATH,
                ts, nonce, body.getBytes(StandardCharsets.UTF_8)));
        return new SignedCreate(MerchantSignature.authorization(MerchantSignature.HMAC_SCHEME, appId, ts, nonce,
                signature), body);
    }

    /** The n of an order of this class ({@code mch_order_no} B&lt;prefix&gt;N&lt;n&gt;; the prefix is lower case). */
    static long sequenceOf(String mchOrderNo) {
        return Long.parseLong(mchOrderNo.substring(mchOrderNo.lastIndexOf('N') + 1));
    }

    HttpRequest nextRequest(URI gateway, Duration timeout) {
        SignedCreate create = next();
        return HttpRequest.newBuilder(gateway.resolve(PATH)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", create.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(create.body())).build();
    }

    /** The next create as the open model's {@link LoadClient} sends it. */
    SimpleHttpRequest nextLoadRequest(HttpHost gateway) {
        SignedCreate create = next();
        return LoadClient.post(gateway, PATH, create.authorization(), create.body());
    }
}
