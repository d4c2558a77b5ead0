package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.Status;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Pure functions between our refund records and the SDK's: the request, refund statuses, error classes. */
final class WxV3Refunds {

    private static final int MAX_REASON = 80;

    private WxV3Refunds() {
    }

    /** Refund results come to {@code <channel notify url>/refund} (API.md, channel callbacks). */
    static CreateRequest createRequest(String channelNotifyUrl, RefundRequest request) {
        AmountReq amount = new AmountReq();
        amount.setRefund(request.refundAmount());
        amount.setTotal(request.totalAmount());
        amount.setCurrency(request.currency());
        CreateRequest r = new CreateRequest();
        r.setOutTradeNo(request.outTradeNo());
        r.setOutRefundNo(request.outRefundNo());
        String reason = request.reason();
        r.setReason(reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON));
        r.setNotifyUrl(stripSlash(channelNotifyUrl) + "/refund");
        r.setAmount(amount);
        return r;
    }

    /**
     * The one place a v3 refund status becomes ours. The SDK leaves an unknown status null: unknown, never success.
     * ABNORMAL (the payer's account can no longer take the money) and CLOSED did not refund: definite failures that
     * an operator resolves, never retried blindly.
     */
    static RefundOutcome outcome(Refund refund) {
        if (refund == null || refund.getStatus() == null) {
            return new RefundOutcome.Unknown("MALFORMED_RESPONSE", "refund answer lacks a known status");
        }
        return switch (refund.getStatus()) {
            case SUCCESS -> {
                OffsetDateTime at = time(refund.getSuccessTime());
                Long amount = refund.getAmount() == null ? null : refund.getAmount().getRefund();
                yield amount == null ? new RefundOutcome.Unknown("MALFORMED_RESPONSE", "successful refund lacks amount.refund")
                        : new RefundOutcome.Succeeded(refund.getRefundId(), amount, at);
            }
            case PROCESSING -> new RefundOutcome.Processing(refund.getRefundId());
            case CLOSED -> new RefundOutcome.Failed("CLOSED", "refund closed by WeChat Pay");
            case ABNORMAL -> new RefundOutcome.Failed("ABNORMAL", "refund abnormal: the payer's account cannot take it");
        };
    }

    /** Whether a refund-notification status agrees with its event type; null when it is not a refund status. */
    static Boolean succeeded(Status status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case SUCCESS -> true;
            case CLOSED, ABNORMAL -> false;
            case PROCESSING -> null;
        };
    }

    /**
     * A refund error answer. Only codes that say the refund was refused before anything moved are Failed; 5xx,
     * SYSTEM_ERROR, FREQUENCY_LIMITED and anything new stay Unknown: query, or send again with the same number.
     */
    static RefundOutcome classify(ServiceException e) {
        String code = e.getErrorCode() == null || e.getErrorCode().isBlank() ? "HTTP_" + e.getHttpStatusCode()
                : e.getErrorCode();
        if (e.getHttpStatusCode() >= 500) {
            return new RefundOutcome.Unknown(code, e.getErrorMessage());
        }
        return switch (code) {
            case "PARAM_ERROR", "INVALID_REQUEST", "NOT_ENOUGH", "NO_AUTH", "SIGN_ERROR", "MCH_NOT_EXISTS",
                 "RESOURCE_NOT_EXISTS", "USER_ACCOUNT_ABNORMAL" -> new RefundOutcome.Failed(code, e.getErrorMessage());
            default -> new RefundOutcome.Unknown(code, e.getErrorMessage());
        };
    }

    /** A refund-notification resource, after the SDK verified and decrypted it, checked against this channel. */
    static RefundNotifyOutcome verified(String accountId, String eventType, WxV3RefundResource r) {
        boolean eventSucceeded;
        switch (String.valueOf(eventType)) {
            case "REFUND.SUCCESS" -> eventSucceeded = true;
            case "REFUND.ABNORMAL", "REFUND.CLOSED" -> eventSucceeded = false;
            default -> {
                return new RefundNotifyOutcome.Refused("event_type " + eventType + " is not a refund result");
            }
        }
        if (r == null || !accountId.equals(r.mchid()) || r.getOutTradeNo() == null || r.getOutRefundNo() == null
                || r.getAmount() == null || r.getAmount().getRefund() == null) {
            return new RefundNotifyOutcome.Refused("refund notification content does not fit this channel");
        }
        if (!Boolean.valueOf(eventSucceeded).equals(succeeded(r.getRefundStatus()))) {
            return new RefundNotifyOutcome.Refused("refund_status " + r.getRefundStatus() + " contradicts " + eventType);
        }
        OffsetDateTime at;
        try {
            at = r.getSuccessTime() == null ? null : OffsetDateTime.parse(r.getSuccessTime());
        } catch (DateTimeParseException e) {
            return new RefundNotifyOutcome.Refused("success_time malformed");
        }
        return new RefundNotifyOutcome.Verified(r.getOutTradeNo(), r.getOutRefundNo(), r.getRefundId(), accountId,
                r.getAmount().getRefund(), eventSucceeded, at);
    }

    private static OffsetDateTime time(String rfc3339) {
        try {
            return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
