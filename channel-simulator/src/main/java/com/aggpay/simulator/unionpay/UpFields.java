package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeState;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields UnionPay states about a QR payment or a refund, shared by query answers and notifications (unsigned;
 * the caller adds certId and signature).
 */
final class UpFields {

    /** A reserved field in braces, as UnionPay answers carry them: its {@code &} and {@code =} are not separators. */
    static final String RESERVED = "{qrCodeType=01&orderType=10}";

    private UpFields() {
    }

    static Map<String, String> payment(UpAccount account, Trade trade) {
        Map<String, String> f = common(account);
        UpOrder order = trade.createParams() instanceof UpOrder o ? o : null;
        f.put("txnType", "01");
        // a consumption inside the wallet is 01/01; a QR order, and a trade injected by a test, 01/07
        f.put("txnSubType", UpTransactions.JS.equals(trade.kind()) ? "01" : "07");
        f.put("channelType", "08");
        f.put("orderId", trade.outTradeNo());
        f.put("txnTime", order != null ? order.txnTime() : UpNumbers.china(trade.createdAt(), UpNumbers.TXN_TIME));
        f.put("queryId", trade.channelTradeNo());
        f.put("txnAmt", Long.toString(trade.amount()));
        f.put("currencyCode", "156");
        TradeState state = trade.state();
        if (state == TradeState.PAID || state == TradeState.REFUNDED) {
            f.put("respCode", UpCodes.OK);
            f.put("respMsg", UpCodes.message(UpCodes.OK));
            settled(f, trade.paidAt(), trade.amount());
            f.put("accNo", "6216********0018");
            f.put("payCardType", "01");
        } else {
            // unpaid: accepted, waiting for the payer; closed: a final failure (this simulator's choice, see UpCodes)
            String code = state == TradeState.CLOSED ? UpCodes.FAILED : UpCodes.ACCEPTED;
            f.put("respCode", code);
            f.put("respMsg", state == TradeState.CLOSED ? "交易失败：订单已关闭" : "交易已受理，等待付款");
        }
        if (order != null && order.reqReserved() != null) {
            f.put("reqReserved", order.reqReserved());
        }
        return f;
    }

    static Map<String, String> refund(UpAccount account, Refund refund, UpOrder order) {
        Map<String, String> f = common(account);
        f.put("txnType", "04");
        f.put("txnSubType", "00");
        f.put("channelType", "07");
        f.put("orderId", refund.outRefundNo());
        f.put("txnTime", order.txnTime());
        f.put("queryId", refund.channelRefundNo());
        f.put("origQryId", refund.trade().channelTradeNo());
        f.put("txnAmt", Long.toString(refund.amount()));
        f.put("currencyCode", "156");
        Refund.Status status = refund.status();
        String code = status == Refund.Status.SUCCESS ? UpCodes.OK
                : status == Refund.Status.PROCESSING ? UpCodes.ACCEPTED : UpCodes.FAILED;
        f.put("respCode", code);
        f.put("respMsg", UpCodes.message(code));
        if (refund.succeededAt() != null) {
            settled(f, refund.succeededAt(), refund.amount());
        }
        if (order.reqReserved() != null) {
            f.put("reqReserved", order.reqReserved());
        }
        return f;
    }

    private static Map<String, String> common(UpAccount account) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("bizType", "000000");
        f.put("accessType", "0");
        f.put("merId", account.merId());
        return f;
    }

    private static void settled(Map<String, String> f, OffsetDateTime at, long amount) {
        f.put("traceNo", UpNumbers.traceNo());
        f.put("traceTime", UpNumbers.china(at, UpNumbers.TRACE_TIME));
        f.put("settleDate", UpNumbers.china(at, UpNumbers.SETTLE_DATE));
        f.put("settleAmt", Long.toString(amount));
        f.put("settleCurrencyCode", "156");
    }
}
