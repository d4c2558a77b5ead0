package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Refunds;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.ledger.TradeState;
import com.aggpay.simulator.web.Json;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v3/refund/domestic/refunds} and the query by out_refund_no. Like WeChat, a refund is answered
 * PROCESSING and succeeds a moment later, then REFUND.SUCCESS goes to the notify_url of the request.
 */
final class WxV3Refunds {

    /** How long an accepted refund stays PROCESSING: long enough for a test to see it, short enough not to wait. */
    static final long SETTLE_MILLIS = 300;
    private static final Pattern OUT_REFUND_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);
    private static final ScheduledExecutorService SETTLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-wxv3-refund-settler");
        t.setDaemon(true);
        return t;
    });

    private final Ledger ledger;
    private final Refunds refunds;
    private final WxV3Signer signer;
    private final WxV3Notifier notifier;

    WxV3Refunds(Ledger ledger, Refunds refunds, WxV3Signer signer, WxV3Notifier notifier) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.signer = signer;
        this.notifier = notifier;
    }

    ResponseEntity<byte[]> create(WxV3Account account, JsonNode json) {
        String outRefundNo = json.path("out_refund_no").asString("");
        JsonNode amount = json.path("amount");
        String notifyUrl = json.path("notify_url").asString(null);
        if (!OUT_REFUND_NO.matcher(outRefundNo).matches()) {
            return signer.error(account, 400, "PARAM_ERROR", "out_refund_no must be 1-64 characters of [0-9A-Za-z_-|*@]");
        }
        if (!amount.path("refund").isIntegralNumber() || amount.path("refund").asLong() < 1
                || !amount.path("total").isIntegralNumber() || amount.path("total").asLong() < 1) {
            return signer.error(account, 400, "PARAM_ERROR", "amount.refund and amount.total must be positive integers (fen)");
        }
        if (!"CNY".equals(amount.path("currency").asString("CNY"))) {
            return signer.error(account, 400, "PARAM_ERROR", "amount.currency must be CNY");
        }
        if (notifyUrl != null && !(notifyUrl.startsWith("https://") || notifyUrl.startsWith("http://"))) {
            return signer.error(account, 400, "PARAM_ERROR", "notify_url must be an absolute http(s) URL");
        }
        Optional<Trade> trade = trade(account, json);
        if (trade.isEmpty()) {
            return signer.error(account, 404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
        long refund = amount.path("refund").asLong();
        if (amount.path("total").asLong() != trade.get().amount()) {
            return signer.error(account, 400, "PARAM_ERROR", "amount.total 与订单金额不一致");
        }
        TradeState state = trade.get().state();
        if (state == TradeState.NOTPAY || state == TradeState.CLOSED) {
            return signer.error(account, 400, "INVALID_REQUEST", "订单未支付，不能发起退款");
        }
        Refunds.Opened opened = refunds.open(account.mchid(), outRefundNo, () -> new Refund(trade.get(), outRefundNo,
                refundId(), refund, json.path("reason").asString(null), notifyUrl, OffsetDateTime.now()));
        if (opened.refund() == null) {
            return signer.error(account, 400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
        }
        Refund stored = opened.refund();
        if (opened.repeated()) {
            // The same number again: the first refund's answer if it is the same refund, else a conflict.
            boolean same = stored.trade() == trade.get() && stored.amount() == refund;
            return same ? signer.reply(account, 200, Json.write(view(stored)))
                    : signer.error(account, 400, "INVALID_REQUEST", "退款单号已存在，且参数与首次请求不一致");
        }
        SETTLER.schedule(() -> {
            if (stored.succeed(OffsetDateTime.now())) {
                notifier.refunded(account, stored);
            }
        }, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        return signer.reply(account, 200, Json.write(view(stored)));
    }

    ResponseEntity<byte[]> query(WxV3Account account, String outRefundNo) {
        return refunds.find(account.mchid(), outRefundNo)
                .map(r -> signer.reply(account, 200, Json.write(view(r))))
                .orElseGet(() -> signer.error(account, 404, "RESOURCE_NOT_EXISTS", "退款单不存在"));
    }

    private Optional<Trade> trade(WxV3Account account, JsonNode json) {
        String outTradeNo = json.path("out_trade_no").asString("");
        if (!outTradeNo.isEmpty()) {
            return ledger.find(account.mchid(), outTradeNo);
        }
        return ledger.findByChannelTradeNo(account.mchid(), json.path("transaction_id").asString(""));
    }

    /** The v3 refund object, as the create and query calls answer it. */
    static Map<String, Object> view(Refund refund) {
        Trade trade = refund.trade();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("refund_id", refund.channelRefundNo());
        r.put("out_refund_no", refund.outRefundNo());
        r.put("transaction_id", trade.channelTradeNo());
        r.put("out_trade_no", trade.outTradeNo());
        r.put("channel", "ORIGINAL");
        r.put("user_received_account", "支付用户零钱");
        if (refund.succeededAt() != null) {
            r.put("success_time", WxV3Transactions.rfc3339(refund.succeededAt()));
        }
        r.put("create_time", WxV3Transactions.rfc3339(refund.createdAt()));
        r.put("status", refund.status().name());
        r.put("funds_account", "AVAILABLE");
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", trade.amount());
        amount.put("refund", refund.amount());
        amount.put("from", List.of());
        amount.put("payer_total", trade.amount());
        amount.put("payer_refund", refund.amount());
        amount.put("settlement_refund", refund.amount());
        amount.put("settlement_total", trade.amount());
        amount.put("discount_refund", 0);
        amount.put("currency", trade.currency());
        amount.put("refund_fee", 0);
        r.put("amount", amount);
        r.put("promotion_detail", List.of());
        return r;
    }

    /** The plaintext of a REFUND.* notification resource. */
    static Map<String, Object> notification(Refund refund) {
        Trade trade = refund.trade();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mchid", trade.account());
        r.put("out_trade_no", trade.outTradeNo());
        r.put("transaction_id", trade.channelTradeNo());
        r.put("out_refund_no", refund.outRefundNo());
        r.put("refund_id", refund.channelRefundNo());
        r.put("refund_status", refund.status().name());
        if (refund.succeededAt() != null) {
            r.put("success_time", WxV3Transactions.rfc3339(refund.succeededAt()));
        }
        r.put("user_received_account", "支付用户零钱");
        r.put("amount", Map.of("total", trade.amount(), "refund", refund.amount(), "payer_total", trade.amount(),
                "payer_refund", refund.amount()));
        return r;
    }

    /** WeChat refund_id: 29 digits starting with "50". */
    private static String refundId() {
        return "5030" + Randoms.digits(6) + ZonedDateTime.now(TradeNumbers.CHINA).format(DAY)
                + String.format("%011d", SEQUENCE.incrementAndGet() % 100_000_000_000L);
    }
}
