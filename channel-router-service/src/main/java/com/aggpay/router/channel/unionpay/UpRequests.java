package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.channel.TradeRequest;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of each UnionPay request, unsigned. Everything but the bill request is a pure function of its inputs,
 * so a retry sends identical parameters (UnionPay then answers the same order instead of "duplicate").
 */
final class UpRequests {

    static final String BACK_TRANS = "/gateway/api/backTransReq.do";
    static final String QUERY_TRANS = "/gateway/api/queryTrans.do";
    static final String FILE_TRANS = "/gateway/api/fileTransReq.do";

    private UpRequests() {
    }

    /** Apply for a merchant-presented QR code (txnType 01, txnSubType 07). */
    static Map<String, String> applyQr(ChannelInstance channel, String certId, TradeRequest request) {
        Map<String, String> f = common(channel, certId, "01", "07");
        f.put("channelType", "08");
        order(f, request.outTradeNo());
        f.put("txnAmt", Long.toString(request.amount()));
        f.put("currencyCode", "156");
        f.put("backUrl", channel.notifyUrl());
        payTimeout(f, request);
        return f;
    }

    private static void payTimeout(Map<String, String> f, TradeRequest request) {
        if (request.expiresAt() != null) {
            // not payable once the order expires; the same order gives the same value on every retry
            f.put("payTimeout", request.expiresAt().atZoneSameInstant(UpMapper.CHINA).format(UpMapper.TXN_TIME));
        }
    }

    /**
     * Consumption (消费, txnType 01, txnSubType 01) by a payer inside a UnionPay wallet (行业码 / C2B JS payment), who
     * is named by the {@code appUserId} that UnionPay's user authorisation gave the cashier. UnionPay answers the
     * {@code tn} the wallet's JS SDK pays.
     */
    static Map<String, String> consume(ChannelInstance channel, String certId, TradeRequest request,
                                       String appUserId) {
        Map<String, String> f = common(channel, certId, "01", "01");
        f.put("channelType", "08");
        order(f, request.outTradeNo());
        f.put("txnAmt", Long.toString(request.amount()));
        f.put("currencyCode", "156");
        f.put("backUrl", channel.notifyUrl());
        f.put("appUserId", appUserId);
        payTimeout(f, request);
        return f;
    }

    /**
     * The payer's appUserId for the userAuthCode of a silent user authorisation (txnType 00, txnSubType 10).
     * {@code userAuthCode} goes as the wallet gave it (once URL-decoded); {@code appUpIdentifier} names the wallet
     * app the payer is in ({@code UnionPay/<version> <app>}), whose codes and ids are its own.
     */
    static Map<String, String> userAuth(ChannelInstance channel, String certId, String orderId, String txnTime,
                                        String userAuthCode, String appUpIdentifier) {
        Map<String, String> f = common(channel, certId, "00", "10");
        f.put("channelType", "08");
        f.put("orderId", orderId);
        f.put("txnTime", txnTime);
        f.put("userAuthCode", userAuthCode);
        f.put("appUpIdentifier", appUpIdentifier);
        return f;
    }

    /** Query one order (payment, refund or cancel) by orderId + txnTime. */
    static Map<String, String> query(ChannelInstance channel, String certId, String orderId) {
        Map<String, String> f = common(channel, certId, "00", "00");
        order(f, orderId);
        return f;
    }

    /** Cancel (撤销, txnType 31) an unpaid QR order so it can no longer be paid; full amount, by its queryId. */
    static Map<String, String> cancel(ChannelInstance channel, String certId, String outTradeNo, String queryId,
                                      long amount) {
        Map<String, String> f = common(channel, certId, "31", "00");
        f.put("channelType", "08");
        order(f, UpMapper.cancelOrderId(outTradeNo));
        f.put("txnAmt", Long.toString(amount));
        f.put("origQryId", queryId);
        f.put("backUrl", channel.notifyUrl());
        return f;
    }

    /**
     * Refund (退货, txnType 04) against the payment's queryId. reqReserved carries our trade number: UnionPay echoes it
     * in the refund notification, which otherwise names only the payment's queryId.
     */
    static Map<String, String> refund(ChannelInstance channel, String certId, RefundRequest request, String queryId) {
        Map<String, String> f = common(channel, certId, "04", "00");
        f.put("channelType", "08");
        order(f, request.outRefundNo());
        f.put("txnAmt", Long.toString(request.refundAmount()));
        f.put("currencyCode", "156");
        f.put("origQryId", queryId);
        f.put("backUrl", channel.notifyUrl() + "/refund");
        f.put("reqReserved", request.outTradeNo());
        return f;
    }

    /** The day's bill file (txnType 76, fileType 00, settleDate MMDD). */
    static Map<String, String> bill(ChannelInstance channel, String certId, LocalDate day, ZonedDateTime now) {
        Map<String, String> f = common(channel, certId, "76", "01");
        f.put("txnTime", now.withZoneSameInstant(UpMapper.CHINA).format(UpMapper.TXN_TIME));
        f.put("settleDate", UpMapper.settleDate(day));
        f.put("fileType", "00");
        return f;
    }

    private static void order(Map<String, String> f, String orderId) {
        f.put("orderId", orderId);
        f.put("txnTime", UpMapper.txnTime(orderId));
    }

    private static Map<String, String> common(ChannelInstance channel, String certId, String txnType,
                                              String txnSubType) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("signMethod", "01");
        f.put("certId", certId);
        f.put("txnType", txnType);
        f.put("txnSubType", txnSubType);
        f.put("bizType", "000000");
        f.put("accessType", "0");
        f.put("merId", channel.accountId());
        return f;
    }
}
