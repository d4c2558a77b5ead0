package com.aggpay.router.channel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A channel's bill (对账单) for one day, parsed from the channel's own format into lines the platform compares. */
public record ChannelBill(String channel, LocalDate day, List<Line> lines) {

    public enum Kind { PAYMENT, REFUND }

    /**
     * @param amount minor units, always positive; the kind says which way the money went
     * @param fee    the channel's fee in minor units, when the bill states it (else 0)
     */
    public record Line(Kind kind, String outTradeNo, String channelTradeNo, String outRefundNo, long amount, long fee,
                       String status, OffsetDateTime time) {
    }
}
