package com.aggpay.router.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the channel contract tests share: the JVM-wide {@link SimulatorProcess#shared() simulator}, a
 * {@link NotificationReceiver} of the test class's own, channels built from the simulator's key files, trade and refund
 * requests with numbers unique in the JVM, the simulator's ledger and waiting for notifications.
 * <p>
 * Register one per test class: {@code @RegisterExtension static final ChannelFixtures fx =
 * ChannelFixtures.withReceiver(204, "");}. As an extension it clears the simulator's faults after each test (the
 * simulator is shared, so no fault may outlive its test) and closes the class's receiver after all of them; it never
 * stops the shared simulator.
 */
public final class ChannelFixtures implements AfterEachCallback, AfterAllCallback {

    /** How long a notification may take (the simulator retries after 300ms, 500ms, 1s, 2s). */
    public static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(15);

    private static final AtomicLong SEQ = new AtomicLong();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationReceiver receiver;

    private ChannelFixtures(NotificationReceiver receiver) {
        this.receiver = receiver;
    }

    /** Fixtures with a new receiver answering notifications with {@code status} and {@code answer}. */
    public static ChannelFixtures withReceiver(int status, String answer) {
        return new ChannelFixtures(new NotificationReceiver(status, answer));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clearFaults();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        receiver.close();
    }

    /** The shared simulator, started on first use. */
    public SimulatorProcess simulator() {
        return SimulatorProcess.shared();
    }

    public NotificationReceiver receiver() {
        return receiver;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    /** A key file's content from the simulator's keys dir, e.g. {@code key("alipay/2021000000000001/app_private.pem")}. */
    public String key(String relativePath) {
        return simulator().key(relativePath);
    }

    public void setFault(String account, String mode, double rate, long latencyMs) {
        simulator().setFault(account, mode, rate, latencyMs);
    }

    public void clearFaults() {
        simulator().clearFaults();
    }

    /** The receiver's URL for notifications of the channel named {@code channelName}. */
    public String notifyUrl(String channelName) {
        return receiver.url("/api/v1/channel-notify/" + channelName);
    }

    /** The base URL of a port nobody listens on. */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // channels ------------------------------------------------------------------------------------------------

    /** A WeChat Pay v3 channel for {@code accountId} with the key files of {@code keysOf} (other than it to forge). */
    public ChannelInstance wxpayV3(String name, String accountId, String keysOf, String baseUrl, Set<PayWay> payWays) {
        String dir = "wxpay/" + keysOf + "/";
        Map<String, String> credentials = Map.of(
                "appid", "wx000000000000000" + accountId.charAt(accountId.length() - 1),
                "merchant_private_key", simulator().key(dir + "merchant_private.pem"),
                "merchant_serial_no", simulator().key(dir + "merchant_serial.txt"),
                "wechatpay_public_key_id", simulator().key(dir + "wechatpay_public_key_id.txt"),
                "wechatpay_public_key", simulator().key(dir + "wechatpay_public.pem"),
                "api_v3_key", simulator().key(dir + "apiv3_key.txt"));
        return new ChannelInstance(name, ChannelType.WXPAY_V3, accountId, payWays, true, baseUrl, notifyUrl(name),
                credentials);
    }

    /** A WeChat Pay v2 channel with the given API key and sign type. */
    public ChannelInstance wxpayV2(String name, String accountId, String appid, String apiKey, String signType,
            String baseUrl) {
        return new ChannelInstance(name, ChannelType.WXPAY_V2, accountId,
                Set.of(PayWay.WX_NATIVE, PayWay.WX_JSAPI, PayWay.WX_H5, PayWay.WX_APP), true, baseUrl, notifyUrl(name),
                Map.of("appid", appid, "api_key", apiKey, "sign_type", signType));
    }

    /** The v2 API key of {@code accountId} from the simulator's keys dir. */
    public String wxpayV2ApiKey(String accountId) {
        return simulator().key("wxpay2/" + accountId + "/api_key.txt");
    }

    /** An Alipay channel for {@code appId} with the key files of {@code keysOf} (other than it to forge). */
    public ChannelInstance alipay(String name, String appId, String keysOf, String baseUrl, Set<PayWay> payWays) {
        String dir = "alipay/" + keysOf + "/";
        Map<String, String> credentials = Map.of(
                "app_private_key", simulator().key(dir + "app_private.pem"),
                "alipay_public_key", simulator().key(dir + "alipay_public.pem"));
        return new ChannelInstance(name, ChannelType.ALIPAY, appId, payWays, true, baseUrl, notifyUrl(name),
                credentials);
    }

    /** A UnionPay channel for {@code merId} notified as {@code notifyAs}, trusting {@code unionpayPublicKey}. */
    public ChannelInstance unionPay(String name, String merId, String baseUrl, String unionpayPublicKey,
            String notifyAs) {
        String dir = "unionpay/" + merId + "/";
        Map<String, String> credentials = Map.of(
                "merchant_private_key", simulator().key(dir + "merchant_private.pem"),
                "merchant_cert_id", simulator().key(dir + "merchant_cert_id.txt"),
                "unionpay_public_key", unionpayPublicKey,
                "unionpay_cert_id", simulator().key(dir + "unionpay_cert_id.txt"));
        return new ChannelInstance(name, ChannelType.UNIONPAY, merId, Set.of(PayWay.UP_QR), true, baseUrl,
                notifyUrl(notifyAs), credentials);
    }

    // requests ------------------------------------------------------------------------------------------------

    /** A trade number unique in this JVM (and so on the shared simulator): prefix, time, sequence. */
    public static String outTradeNo(String prefix) {
        return prefix + System.currentTimeMillis() + SEQ.incrementAndGet();
    }

    /** A 1 x latte trade, expiring in 15 minutes, with a fresh {@link #outTradeNo(String) number}. */
    public static TradeRequest tradeRequest(String prefix, PayWay payWay, long amount, Map<String, String> extra) {
        return new TradeRequest(outTradeNo(prefix), payWay, amount, "CNY", "Latte", "1 x latte", "203.0.113.7",
                OffsetDateTime.now().plusMinutes(15), extra);
    }

    /** A refund of {@code amount} of {@code trade} with a fresh refund number. */
    public static RefundRequest refundRequest(TradeRequest trade, long amount) {
        return new RefundRequest(trade.outTradeNo(), outTradeNo("RF"), amount, trade.amount(), "CNY",
                "customer asked");
    }

    // the simulator ---------------------------------------------------------------------------------------------

    /** Pays a trade by its pay data, as the payer's wallet does. */
    public HttpResponse<String> pay(String payData) {
        return simulator().post("/_sim/pay", JSON.writeValueAsString(Map.of("pay_data", payData)));
    }

    /** Pays a trade by its number and account. */
    public HttpResponse<String> payByTradeNo(String account, String outTradeNo) {
        return simulator().post("/_sim/pay", "{\"out_trade_no\":\"" + outTradeNo + "\",\"account\":\"" + account + "\"}");
    }

    /** Puts a trade into the account's ledger that never went through the API; returns the HTTP status. */
    public int inject(String account, String outTradeNo, long amount) {
        return simulator().post("/_sim/trades/inject", "{\"account\":\"" + account + "\",\"out_trade_no\":\""
                + outTradeNo + "\",\"amount\":" + amount + "}").statusCode();
    }

    /** The account's whole ledger as the simulator lists it (shared: look for your own trade numbers only). */
    public String ledger(String account) {
        return simulator().get("/_sim/trades?account=" + account).body();
    }

    /** The ledger entry of one trade (fails if the ledger lacks it). */
    public String ledgerOf(String account, String outTradeNo) {
        String ledger = ledger(account);
        int at = ledger.indexOf("\"out_trade_no\":\"" + outTradeNo + "\"");
        assertThat(at).as("trade " + outTradeNo + " in the simulator's ledger").isNotNegative();
        return ledger.substring(ledger.lastIndexOf('{', at), ledger.indexOf('}', at) + 1);
    }

    // notifications ------------------------------------------------------------------------------------------

    /** The next notification that matches, or null after the timeout; others (earlier retries) are skipped. */
    public ChannelNotification find(Predicate<ChannelNotification> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ChannelNotification n = receiver.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (n != null && wanted.test(n)) {
                return n;
            }
        }
        return null;
    }

    /** The next notification that matches within {@link #NOTIFY_TIMEOUT}, failing the test if none comes. */
    public ChannelNotification await(Predicate<ChannelNotification> wanted, String description) {
        ChannelNotification n = find(wanted, NOTIFY_TIMEOUT);
        assertThat(n).as(description).isNotNull();
        return n;
    }

    /** The next payment notification that verifies for this channel and trade, or null after the timeout. */
    public ChannelNotification findPayment(ChannelAdapter adapter, ChannelInstance channel, String outTradeNo,
            Duration timeout) {
        return find(paymentOf(adapter, channel, outTradeNo), timeout);
    }

    /** As {@link #findPayment}, within {@link #NOTIFY_TIMEOUT}, failing the test if none comes. */
    public ChannelNotification awaitPayment(ChannelAdapter adapter, ChannelInstance channel, String outTradeNo) {
        return await(paymentOf(adapter, channel, outTradeNo), "notification for " + outTradeNo);
    }

    /** The next refund notification that verifies for this channel and refund, or null after the timeout. */
    public ChannelNotification findRefund(ChannelAdapter adapter, ChannelInstance channel, String outRefundNo,
            Duration timeout) {
        return find(refundOf(adapter, channel, outRefundNo), timeout);
    }

    /** As {@link #findRefund}, within {@link #NOTIFY_TIMEOUT}, failing the test if none comes. */
    public ChannelNotification awaitRefund(ChannelAdapter adapter, ChannelInstance channel, String outRefundNo) {
        return await(refundOf(adapter, channel, outRefundNo), "refund notification for " + outRefundNo);
    }

    /** As {@link #awaitRefund}, returning what the adapter verified. */
    public RefundNotifyOutcome.Verified awaitVerifiedRefund(ChannelAdapter adapter, ChannelInstance channel,
            String outRefundNo) {
        return (RefundNotifyOutcome.Verified) adapter.verifyRefundNotification(channel,
                awaitRefund(adapter, channel, outRefundNo));
    }

    private static Predicate<ChannelNotification> paymentOf(ChannelAdapter adapter, ChannelInstance channel,
            String outTradeNo) {
        return n -> adapter.verifyPaymentNotification(channel, n) instanceof NotifyOutcome.Verified v
                && v.outTradeNo().equals(outTradeNo);
    }

    private static Predicate<ChannelNotification> refundOf(ChannelAdapter adapter, ChannelInstance channel,
            String outRefundNo) {
        return n -> adapter.verifyRefundNotification(channel, n) instanceof RefundNotifyOutcome.Verified v
                && v.outRefundNo().equals(outRefundNo);
    }
}
