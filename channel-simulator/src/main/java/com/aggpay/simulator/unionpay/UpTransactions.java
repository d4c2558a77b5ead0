package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Refunds;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeState;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The transactions behind backTransReq.do and queryTrans.do, after the signature verified: apply for a QR code
 * (01/07), consumption inside the wallet (01/01), cancel an unpaid QR order (31/00), refund (04/00), query (00/00). Each answers the result fields; the
 * gateway adds the echoed and signature fields.
 */
@Component
class UpTransactions {

    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z]{8,40}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,11}");
    /** The user id UnionPay's user authorisation gives out; opaque to the acquirer. */
    private static final Pattern APP_USER_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Trade kinds in the ledger: a merchant-presented QR order, a consumption inside the wallet. */
    static final String QR = "QR";
    static final String JS = "JS";
    /** The simulated merchant's per-transaction QR limit: 1,000,000.00 yuan. */
    private static final long MAX_FEN = 100_000_000L;

    private final Ledger ledger;
    private final Refunds refunds;
    private final UpNotifier notifier;
    /** Refunds and cancels by (merId, orderId): what UnionPay keeps beyond the shared ledger's view of them. */
    private final Map<String, UpOrder> refundOrders = new ConcurrentHashMap<>();
    private final Map<String, Cancel> cancels = new ConcurrentHashMap<>();

    private record Cancel(UpOrder order, Trade trade, String queryId) {
    }

    UpTransactions(Ledger ledger, Refunds refunds, UpNotifier notifier) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.notifier = notifier;
    }

    Map<String, String> apply(UpAccount account, Map<String, String> p) {
        Opened opened = open(account, p, QR, "QR orders need bizType 000000 and channelType 08");
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        Map<String, String> r = result(UpCodes.OK, null);
        r.put("qrCode", "https://qr.95516.com/00010000/" + opened.trade().payToken());
        r.put("reserved", UpFields.RESERVED);
        return r;
    }

    /**
     * Consumption (消费, 01/01) by the payer already inside a UnionPay wallet (行业码 / C2B JS payment): the payer's
     * {@code appUserId} from the user authorisation, answered with the {@code tn} that the acquirer's page hands to
     * the wallet's JS SDK ({@code upsdk.pay({tn})}). Paid, it is notified and queried like a QR order.
     */
    Map<String, String> consume(UpAccount account, Map<String, String> p) {
        String problem = missing(p, "appUserId");
        if (problem != null) {
            return result(UpCodes.MISSING, problem);
        }
        if (!APP_USER_ID.matcher(p.get("appUserId")).matches()) {
            return result(UpCodes.FORMAT, "appUserId must be 1-128 printable characters without spaces");
        }
        Opened opened = open(account, p, JS, "wallet consumption needs bizType 000000 and channelType 08");
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        Map<String, String> r = result(UpCodes.OK, null);
        r.put("tn", opened.trade().payToken());
        return r;
    }

    private record Opened(Trade trade, Map<String, String> refusal) {
    }

    /**
     * Checks an order-opening request and stores its trade once: an identical repeat gets the stored trade back, the
     * same orderId with other parameters or after payment or close is a duplicate (12).
     */
    private Opened open(UpAccount account, Map<String, String> p, String kind, String notPermitted) {
        String problem = missing(p, "orderId", "txnTime", "txnAmt", "currencyCode", "backUrl", "channelType");
        if (problem != null) {
            return new Opened(null, result(UpCodes.MISSING, problem));
        }
        problem = orderFormat(p);
        if (problem != null) {
            return new Opened(null, result(UpCodes.FORMAT, problem));
        }
        if (!"000000".equals(p.get("bizType")) || !"08".equals(p.get("channelType"))) {
            return new Opened(null, result(UpCodes.NOT_PERMITTED, notPermitted));
        }
        long amount = Long.parseLong(p.get("txnAmt"));
        if (amount > MAX_FEN) {
            return new Opened(null, result(UpCodes.AMOUNT_LIMIT, "txnAmt above the merchant's limit"));
        }
        UpOrder order = UpOrder.of(p);
        boolean js = JS.equals(kind);
        Trade trade = new Trade(Protocol.UNIONPAY, account.merId(), account.merId(), order.orderId(),
                UpNumbers.queryId(), js ? UpNumbers.tn() : UpNumbers.qrToken(), kind, amount, "CNY",
                js ? "UnionPay wallet" : "UnionPay QR", js ? p.get("appUserId") : null, order.backUrl(), order, null,
                OffsetDateTime.now());
        Trade stored = ledger.putIfAbsent(trade);
        if (stored != trade) {
            TradeState state = stored.state();
            if (state == TradeState.PAID || state == TradeState.REFUNDED) {
                return new Opened(null, result(UpCodes.DUPLICATE, "原交易已成功"));
            }
            if (state == TradeState.CLOSED) {
                return new Opened(null, result(UpCodes.DUPLICATE, "原交易已关闭"));
            }
            if (!(stored.createParams() instanceof UpOrder first) || !first.sameRequestAs(order)) {
                return new Opened(null, result(UpCodes.DUPLICATE, "订单号已使用"));
            }
        }
        return new Opened(stored, null);
    }

    /** Cancels an unpaid QR order (origQryId) so it can no longer be paid; the order's full amount is required. */
    Map<String, String> cancel(UpAccount account, Map<String, String> p) {
        String problem = missing(p, "orderId", "txnTime", "txnAmt", "origQryId");
        if (problem == null) {
            problem = orderFormat(p);
            if (problem != null) {
                return result(UpCodes.FORMAT, problem);
            }
        } else {
            return result(UpCodes.MISSING, problem);
        }
        UpOrder order = UpOrder.of(p);
        Optional<Trade> trade = ledger.findByChannelTradeNo(account.merId(), p.get("origQryId"));
        if (trade.isEmpty() || Long.parseLong(p.get("txnAmt")) != trade.get().amount()) {
            return result(UpCodes.ORIGINAL_INVALID, "原交易不存在或金额不符");
        }
        Cancel fresh = new Cancel(order, trade.get(), UpNumbers.queryId());
        Cancel stored = cancels.putIfAbsent(key(account, order.orderId()), fresh);
        if (stored != null && !stored.order().sameRequestAs(order)) {
            return result(UpCodes.DUPLICATE, "订单号已使用");
        }
        Cancel cancel = stored == null ? fresh : stored;
        if (!cancel.trade().close()) {
            if (stored == null) {
                cancels.remove(key(account, order.orderId()), fresh);
            }
            return result(UpCodes.ORIGINAL_INVALID, "已支付");
        }
        Map<String, String> r = result(UpCodes.OK, null);
        r.put("queryId", cancel.queryId());
        r.put("origQryId", cancel.trade().channelTradeNo());
        return r;
    }

    Map<String, String> refund(UpAccount account, Map<String, String> p) {
        String problem = missing(p, "orderId", "txnTime", "txnAmt", "origQryId", "backUrl");
        if (problem != null) {
            return result(UpCodes.MISSING, problem);
        }
        problem = orderFormat(p);
        if (problem != null) {
            return result(UpCodes.FORMAT, problem);
        }
        UpOrder order = UpOrder.of(p);
        UpOrder first = refundOrders.putIfAbsent(key(account, order.orderId()), order);
        if (first != null && !first.sameRequestAs(order)) {
            return result(UpCodes.DUPLICATE, "订单号已使用");
        }
        Optional<Trade> trade = ledger.findByChannelTradeNo(account.merId(), p.get("origQryId"));
        if (trade.isEmpty()) {
            refundOrders.remove(key(account, order.orderId()), order);
            return result(UpCodes.ORIGINAL_INVALID, "原交易不存在");
        }
        long amount = Long.parseLong(p.get("txnAmt"));
        Refunds.Opened opened = refunds.open(account.merId(), order.orderId(), () -> new Refund(trade.get(),
                order.orderId(), UpNumbers.queryId(), amount, null, order.backUrl(), OffsetDateTime.now()));
        if (opened.refund() == null) {
            refundOrders.remove(key(account, order.orderId()), order);
            TradeState state = trade.get().state();
            return state == TradeState.PAID || state == TradeState.REFUNDED
                    ? result(UpCodes.AMOUNT_LIMIT, "退货金额超过原交易可退金额")
                    : result(UpCodes.ORIGINAL_INVALID, "未支付");
        }
        Refund refund = opened.refund();
        // The bank side settles at once here; the result still reaches the merchant only by notification or query.
        if (refund.succeed(OffsetDateTime.now())) {
            notifier.refunded(refund, refundOrders.get(key(account, order.orderId())));
        }
        Map<String, String> r = result(UpCodes.OK, null);
        r.put("queryId", refund.channelRefundNo());
        r.put("origQryId", refund.trade().channelTradeNo());
        r.put("txnAmt", Long.toString(refund.amount()));
        return r;
    }

    /**
     * By orderId + txnTime, like UnionPay: a QR order, a refund or a cancel. respCode 00 means the query worked;
     * origRespCode is the transaction's own result; txnType is the original transaction's.
     */
    Map<String, String> query(UpAccount account, Map<String, String> p) {
        String problem = missing(p, "orderId", "txnTime");
        if (problem != null) {
            return result(UpCodes.MISSING, problem);
        }
        String orderId = p.get("orderId");
        String txnTime = p.get("txnTime");
        Optional<Trade> trade = ledger.find(account.merId(), orderId)
                .filter(t -> t.protocol() == Protocol.UNIONPAY)
                // injected trades were never applied for: they have no txnTime to match
                .filter(t -> !(t.createParams() instanceof UpOrder o) || o.txnTime().equals(txnTime));
        if (trade.isPresent()) {
            return queried(UpFields.payment(account, trade.get()));
        }
        UpOrder refundOrder = refundOrders.get(key(account, orderId));
        Optional<Refund> refund = refunds.find(account.merId(), orderId);
        if (refundOrder != null && refund.isPresent() && refundOrder.txnTime().equals(txnTime)) {
            return queried(UpFields.refund(account, refund.get(), refundOrder));
        }
        Cancel cancel = cancels.get(key(account, orderId));
        if (cancel != null && cancel.order().txnTime().equals(txnTime)) {
            Map<String, String> r = result(UpCodes.OK, null);
            r.put("txnType", "31");
            r.put("txnSubType", "00");
            r.put("queryId", cancel.queryId());
            r.put("origQryId", cancel.trade().channelTradeNo());
            r.put("origRespCode", UpCodes.OK);
            r.put("origRespMsg", UpCodes.message(UpCodes.OK));
            return r;
        }
        return result(UpCodes.NOT_FOUND, null);
    }

    /** The transaction's own respCode becomes origRespCode; the query itself succeeded. */
    private static Map<String, String> queried(Map<String, String> fields) {
        Map<String, String> r = new LinkedHashMap<>(fields);
        r.put("origRespCode", r.remove("respCode"));
        r.put("origRespMsg", r.remove("respMsg"));
        r.put("respCode", UpCodes.OK);
        r.put("respMsg", UpCodes.message(UpCodes.OK));
        r.put("reserved", UpFields.RESERVED);
        return r;
    }

    static Map<String, String> result(String code, String detail) {
        return UpWire.result(code, detail);
    }

    static String missing(Map<String, String> p, String... names) {
        return UpWire.missing(p, names);
    }

    /** orderId, txnTime, txnAmt and currencyCode, where present. */
    private static String orderFormat(Map<String, String> p) {
        if (!ORDER_ID.matcher(p.get("orderId")).matches()) {
            return "orderId must be 8-40 letters or digits";
        }
        if (!UpWire.validTxnTime(p.get("txnTime"))) {
            return "txnTime must be yyyyMMddHHmmss";
        }
        if (p.containsKey("txnAmt") && !AMOUNT.matcher(p.get("txnAmt")).matches()) {
            return "txnAmt must be a positive number of fen";
        }
        if (p.containsKey("currencyCode") && !"156".equals(p.get("currencyCode"))) {
            return "currencyCode must be 156";
        }
        return null;
    }

    private static String key(UpAccount account, String orderId) {
        return account.merId() + '|' + orderId;
    }
}
