package com.aggpay.simulator.ledger;

import java.time.OffsetDateTime;

/**
 * One refund of a trade, under the merchant's refund number (WeChat out_refund_no, Alipay out_request_no). Its
 * amount is taken off the trade when it is opened, so refunds still processing count against the refundable amount,
 * as upstream.
 *
 * @param channelRefundNo the channel's own refund number (WeChat refund_id; Alipay has none and uses its trade_no)
 */
public final class Refund {

    public enum Status { PROCESSING, SUCCESS, CLOSED, ABNORMAL }

    private final Trade trade;
    private final String outRefundNo;
    private final String channelRefundNo;
    private final long amount;
    private final String reason;
    private final String notifyUrl;
    private final OffsetDateTime createdAt;
    private Status status = Status.PROCESSING;
    private OffsetDateTime succeededAt;

    public Refund(Trade trade, String outRefundNo, String channelRefundNo, long amount, String reason,
                  String notifyUrl, OffsetDateTime createdAt) {
        this.trade = trade;
        this.outRefundNo = outRefundNo;
        this.channelRefundNo = channelRefundNo;
        this.amount = amount;
        this.reason = reason;
        this.notifyUrl = notifyUrl;
        this.createdAt = createdAt;
    }

    /** PROCESSING → SUCCESS; false when it already left PROCESSING. */
    public synchronized boolean succeed(OffsetDateTime now) {
        if (status != Status.PROCESSING) {
            return false;
        }
        status = Status.SUCCESS;
        succeededAt = now;
        return true;
    }

    public synchronized Status status() {
        return status;
    }

    public synchronized OffsetDateTime succeededAt() {
        return succeededAt;
    }

    public Trade trade() {
        return trade;
    }

    public String outRefundNo() {
        return outRefundNo;
    }

    public String channelRefundNo() {
        return channelRefundNo;
    }

    public long amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
