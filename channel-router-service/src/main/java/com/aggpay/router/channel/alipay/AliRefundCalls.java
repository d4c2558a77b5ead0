package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.alipay.api.AlipayApiException;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refund, refund query and refund notification of the Alipay adapter. Alipay refunds synchronously: 10000 with
 * {@code fund_change=Y} is done. A repeat of the same out_request_no answers {@code fund_change=N} (no money moved
 * this time), and its {@code refund_fee} is the trade's running total, so only the refund query says what became
 * of this refund.
 */
final class AliRefundCalls {

    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private AliRefundCalls() {
    }

    static RefundOutcome refund(AliClients sdk, ChannelInstance channel, RefundRequest request) {
        if (!"CNY".equals(request.currency())) {
            return new RefundOutcome.Failed("CURRENCY_UNSUPPORTED", "only CNY");
        }
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(request.outTradeNo());
        model.setOutRequestNo(request.outRefundNo());
        model.setRefundAmount(AliMapper.yuan(request.refundAmount()));
        model.setRefundReason(request.reason());
        AlipayTradeRefundRequest call = new AlipayTradeRefundRequest();
        call.setBizModel(model);
        AlipayTradeRefundResponse r;
        try {
            r = sdk.client().execute(call);
        } catch (AlipayApiException | RuntimeException e) {
            return classifyException(e, channel, request.outRefundNo());
        }
        if (!"10000".equals(r.getCode())) {
            return AliRefunds.classifyFailure(r);
        }
        if (!request.outTradeNo().equals(r.getOutTradeNo())) {
            return new RefundOutcome.Unknown("MISMATCH", "answer is about another trade");
        }
        return "Y".equals(r.getFundChange())
                ? new RefundOutcome.Succeeded(r.getTradeNo(), request.refundAmount(), AliRefunds.time(r.getGmtRefundPay()))
                : query(sdk, channel, request.outTradeNo(), request.outRefundNo());
    }

    static RefundOutcome query(AliClients sdk, ChannelInstance channel, String outTradeNo, String outRefundNo) {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(outRefundNo);
        model.setQueryOptions(List.of("gmt_refund_pay"));
        AlipayTradeFastpayRefundQueryRequest call = new AlipayTradeFastpayRefundQueryRequest();
        call.setBizModel(model);
        AlipayTradeFastpayRefundQueryResponse r;
        try {
            r = sdk.client().execute(call);
        } catch (AlipayApiException | RuntimeException e) {
            RefundOutcome failed = classifyException(e, channel, outRefundNo);
            // A query changes nothing: even one that never left is only "not known yet".
            return failed instanceof RefundOutcome.Failed f ? new RefundOutcome.Unknown(f.channelCode(), f.message())
                    : failed;
        }
        if (!"10000".equals(r.getCode())) {
            return "ACQ.TRADE_NOT_EXIST".equals(r.getSubCode()) ? AliRefunds.classifyFailure(r)
                    : new RefundOutcome.Unknown(r.getSubCode() != null ? r.getSubCode() : r.getCode(), r.getSubMsg());
        }
        if (r.getOutRequestNo() != null && !outRefundNo.equals(r.getOutRequestNo())) {
            return new RefundOutcome.Unknown("MISMATCH", "answer is about another refund");
        }
        return AliRefunds.queried(r);
    }

    /**
     * Alipay announces a refund as a trade_status_sync carrying out_biz_no (the out_request_no) and refund_fee, the
     * trade's total refunded so far: after the signature verifies, the signed refund query gives this refund's own
     * amount. No confirmation yet: refused, and Alipay sends it again.
     */
    static RefundNotifyOutcome verifyNotification(AliClients sdk, ChannelInstance channel, byte[] body) {
        Map<String, String> p;
        try {
            p = AliNotifications.verifiedParams(channel, sdk.alipayPublicKey(), body);
        } catch (IllegalArgumentException e) {
            security.warn("event=CALLBACK_SIGNATURE_INVALID channel={} kind=refund reason={}", channel.name(), e.getMessage());
            return new RefundNotifyOutcome.Refused(e.getMessage());
        }
        String outTradeNo = p.get("out_trade_no");
        String outBizNo = p.get("out_biz_no");
        if (outTradeNo == null || outTradeNo.isBlank() || outBizNo == null || outBizNo.isBlank()
                || AliMapper.fen(p.get("refund_fee")) == null) {
            return new RefundNotifyOutcome.Refused("not a refund notification (out_biz_no or refund_fee missing)");
        }
        RefundOutcome confirmed = query(sdk, channel, outTradeNo, outBizNo);
        if (!(confirmed instanceof RefundOutcome.Succeeded s)) {
            return new RefundNotifyOutcome.Refused("refund not confirmed by query: " + confirmed);
        }
        OffsetDateTime at = s.succeededAt();
        if (at == null) {
            try {
                String gmtRefund = p.get("gmt_refund");
                at = gmtRefund == null ? null : AliMapper.parseTime(gmtRefund.length() > 19 ? gmtRefund.substring(0, 19)
                        : gmtRefund);
            } catch (DateTimeParseException e) {
                return new RefundNotifyOutcome.Refused("gmt_refund malformed");
            }
        }
        return new RefundNotifyOutcome.Verified(outTradeNo, outBizNo, s.channelRefundNo(), channel.accountId(),
                s.amount(), true, at);
    }

    /** Not sent at all is definite (nothing refunded); anything after the request may have reached Alipay is not. */
    private static RefundOutcome classifyException(Exception e, ChannelInstance channel, String outRefundNo) {
        if (AliMapper.connectFailure(e)) {
            return new RefundOutcome.Failed("CONNECT_FAILED", e.getClass().getSimpleName());
        }
        if (String.valueOf(e.getMessage()).contains("sign check fail")) {
            security.warn("event=CHANNEL_RESPONSE_SIGNATURE_INVALID channel={} out_refund_no={}", channel.name(),
                    outRefundNo);
            return new RefundOutcome.Unknown("RESPONSE_SIGNATURE_INVALID", "response signature did not verify");
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new RefundOutcome.Unknown("IO_AFTER_SEND", root.getClass().getSimpleName() + ": " + root.getMessage());
    }
}
