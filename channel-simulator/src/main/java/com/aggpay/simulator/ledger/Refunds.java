package com.aggpay.simulator.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * All refunds, in memory, by (account, refund number): the number makes a refund idempotent, so a retry finds the
 * first refund instead of refunding again. Protocol-neutral: every channel's refund call goes through here.
 */
@Component
public class Refunds {

    private final Map<String, Refund> byRefundNo = new ConcurrentHashMap<>();

    /**
     * @param refund    the refund to open, or null when nothing was opened
     * @param repeated  true when the number was already used: {@code refund} is then the earlier one, to compare
     */
    public record Opened(Refund refund, boolean repeated) {
    }

    /**
     * Opens the refund built by {@code newRefund} unless its number is taken; it takes its amount off the trade, and
     * when the trade cannot give it (not paid, or more than is left) nothing is stored: {@code Opened(null, false)}.
     */
    public Opened open(String account, String outRefundNo, Supplier<Refund> newRefund) {
        Refund[] created = new Refund[1];
        Refund stored = byRefundNo.compute(key(account, outRefundNo), (key, existing) -> {
            if (existing != null) {
                return existing;
            }
            Refund refund = newRefund.get();
            if (!refund.trade().refund(refund.amount())) {
                return null;
            }
            created[0] = refund;
            return refund;
        });
        if (stored == null) {
            return new Opened(null, false);
        }
        return new Opened(stored, created[0] == null);
    }

    public Optional<Refund> find(String account, String outRefundNo) {
        return Optional.ofNullable(byRefundNo.get(key(account, outRefundNo)));
    }

    /** The refunds of one account, oldest first. */
    public List<Refund> refunds(String account) {
        return byRefundNo.values().stream()
                .filter(r -> r.trade().account().equals(account))
                .sorted(Comparator.comparing(Refund::createdAt))
                .toList();
    }

    private static String key(String account, String outRefundNo) {
        return account + '|' + outRefundNo;
    }
}
