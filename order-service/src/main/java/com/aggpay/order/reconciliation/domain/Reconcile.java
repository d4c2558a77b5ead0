package com.aggpay.order.reconciliation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a channel's bill of one day with the platform's records. Pure: no I/O, no clock, and it changes nothing;
 * every difference is reported, none is fixed (DESIGN.md step 7).
 *
 * <p>Rules:
 * <ul>
 *   <li>Payments match on {@code out_trade_no}, the order's handed-out trade; refunds on {@code out_refund_no}.
 *       Amounts are compared exactly, in minor units.</li>
 *   <li>A bill line whose status says money moved, for an order or refund the platform does not hold as SUCCESS,
 *       or the other way round, or on another channel than the platform recorded: {@code STATE_MISMATCH}.</li>
 *   <li>A SUCCESS order (refund) of that day on this channel that the bill lacks: {@code PLATFORM_ONLY}.</li>
 *   <li>A bill line nobody knows, or a second line for the same trade: {@code CHANNEL_ONLY}.</li>
 *   <li>An orphan, a bill line for a trade the router opened for an order but whose pay data was never handed out,
 *       is {@code CHANNEL_ONLY} with the order named in the note: the money sits on the channel with no booking
 *       on the platform (长款), whatever the order's own state; an operator refunds it to the payer.</li>
 *   <li>A SUCCESS order paid on another day that this bill names is matched here if the amounts agree (a midnight
 *       cut-off between the channel's clock and ours); its own day then reports it PLATFORM_ONLY once.</li>
 *   <li>A line whose status says no money moved (e.g. WeChat's REVOKED) for an order that is not SUCCESS agrees
 *       with the platform: neither matched nor reported.</li>
 * </ul>
 */
public final class Reconcile {

    /** Bill statuses that mean the payer's money moved; channel words, not ours. */
    static final Set<String> PAID = Set.of("SUCCESS", "TRADE_SUCCESS", "TRADE_FINISHED");
    static final Set<String> REFUNDED = Set.of("SUCCESS", "REFUND_SUCCESS");
    private static final String SUCCESS = "SUCCESS";

    private Reconcile() {
    }

    public static Reconciliation compare(String channel, List<BillLine> bill, PlatformRecords platform) {
        return new Run(channel, platform).compare(bill);
    }

    /** One comparison's working state. */
    private static final class Run {
        private final String channel;
        private final Map<String, PlatformPayment> payments = new HashMap<>();
        private final Map<String, PlatformAttempt> attempts = new HashMap<>();
        private final Map<String, PlatformRefund> refunds = new HashMap<>();
        private final Set<String> seenTrades = new HashSet<>();
        private final Set<String> seenRefunds = new HashSet<>();
        private final List<Discrepancy> found = new ArrayList<>();
        private int matchedCount;
        private long matchedAmount;

        Run(String channel, PlatformRecords platform) {
            this.channel = channel;
            platform.payments().forEach(p -> payments.put(p.outTradeNo(), p));
            platform.attempts().forEach(a -> attempts.put(a.outTradeNo(), a));
            platform.refunds().forEach(r -> refunds.put(r.outRefundNo(), r));
        }

        Reconciliation compare(List<BillLine> bill) {
            for (BillLine line : bill) {
                if (line.kind() == Kind.PAYMENT) {
                    payment(line);
                } else {
                    refund(line);
                }
            }
            missingPayments();
            missingRefunds();
            return new Reconciliation(matchedCount, matchedAmount, List.copyOf(found));
        }

        private void payment(BillLine line) {
            PlatformPayment order = payments.get(line.outTradeNo());
            if (order == null || !seenTrades.add(line.outTradeNo())) {
                unknownPayment(line, order != null);
                return;
            }
            boolean moved = PAID.contains(line.status());
            boolean paid = SUCCESS.equals(order.state());
            if (!moved && !paid) {
                return;
            }
            if (moved != paid || !channel.equals(order.channel())) {
                found.add(payment(DiscrepancyType.STATE_MISMATCH, line, order, stateNote(order.channel())));
            } else if (line.amount() != order.amount()) {
                found.add(payment(DiscrepancyType.AMOUNT_MISMATCH, line, order, null));
            } else {
                matchedCount++;
                matchedAmount += line.amount();
            }
        }

        private void unknownPayment(BillLine line, boolean duplicate) {
            PlatformAttempt orphan = attempts.get(line.outTradeNo());
            String note = duplicate ? "a second bill line for this trade"
                    : orphan != null ? "orphan trade of " + orphan.payOrderId() + ": never handed out, yet on the bill"
                    : "no order or attempt has this trade number";
            found.add(new Discrepancy(DiscrepancyType.CHANNEL_ONLY, Kind.PAYMENT, line.outTradeNo(), null,
                    orphan == null ? null : orphan.payOrderId(), null, line.amount(), orphan == null ? null
                    : "ORPHAN_ATTEMPT", line.status(), note));
        }

        private void refund(BillLine line) {
            PlatformRefund refund = refunds.get(line.outRefundNo());
            if (refund == null || !seenRefunds.add(line.outRefundNo())) {
                found.add(new Discrepancy(DiscrepancyType.CHANNEL_ONLY, Kind.REFUND, line.outTradeNo(),
                        line.outRefundNo(), null, null, line.amount(), null, line.status(),
                        refund == null ? "no refund has this refund number" : "a second bill line for this refund"));
                return;
            }
            boolean moved = REFUNDED.contains(line.status());
            boolean succeeded = SUCCESS.equals(refund.state());
            if (!moved && !succeeded) {
                return;
            }
            if (moved != succeeded || !channel.equals(refund.channel())) {
                found.add(refund(DiscrepancyType.STATE_MISMATCH, line.outTradeNo(), refund, line.amount(),
                        line.status(), stateNote(refund.channel())));
            } else if (line.amount() != refund.amount()) {
                found.add(refund(DiscrepancyType.AMOUNT_MISMATCH, line.outTradeNo(), refund, line.amount(),
                        line.status(), null));
            } else {
                matchedCount++;
                matchedAmount -= line.amount();
            }
        }

        private void missingPayments() {
            payments.values().stream()
                    .filter(p -> p.paidOnDay() && SUCCESS.equals(p.state()) && channel.equals(p.channel()))
                    .filter(p -> !seenTrades.contains(p.outTradeNo()))
                    .sorted(java.util.Comparator.comparing(PlatformPayment::outTradeNo))
                    .forEach(p -> found.add(new Discrepancy(DiscrepancyType.PLATFORM_ONLY, Kind.PAYMENT,
                            p.outTradeNo(), null, p.payOrderId(), p.amount(), null, p.state(), null,
                            "paid on the platform, missing from the bill")));
        }

        private void missingRefunds() {
            refunds.values().stream()
                    .filter(r -> r.succeededOnDay() && SUCCESS.equals(r.state()) && channel.equals(r.channel()))
                    .filter(r -> !seenRefunds.contains(r.outRefundNo()))
                    .sorted(java.util.Comparator.comparing(PlatformRefund::outRefundNo))
                    .forEach(r -> found.add(refund(DiscrepancyType.PLATFORM_ONLY, null, r, null, null,
                            "refunded on the platform, missing from the bill")));
        }

        private String stateNote(String recordedChannel) {
            return channel.equals(recordedChannel) ? null : "the platform recorded it on channel " + recordedChannel;
        }

        private static Discrepancy payment(DiscrepancyType type, BillLine line, PlatformPayment order, String note) {
            return new Discrepancy(type, Kind.PAYMENT, line.outTradeNo(), null, order.payOrderId(), order.amount(),
                    line.amount(), order.state(), line.status(), note);
        }

        private static Discrepancy refund(DiscrepancyType type, String outTradeNo, PlatformRefund refund,
                                          Long channelAmount, String channelStatus, String note) {
            return new Discrepancy(type, Kind.REFUND, outTradeNo, refund.outRefundNo(), refund.payOrderId(),
                    refund.amount(), channelAmount, refund.state(), channelStatus, note);
        }
    }
}
