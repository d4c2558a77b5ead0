package com.aggpay.order.statement.domain;

/**
 * The merchant's fee of one transaction: {@code round_half_up(amount * rate)} to whole fen, computed per transaction
 * (never on a day's total, so a statement's rows add up to its totals). A refund reverses the fee proportionally
 * with the same rule on the refunded amount, so a fee can be off by at most one fen against its share after
 * several partial refunds; that is the stated rule, not an error.
 */
public final class Fees {

    private static final long PPM = 1_000_000L;

    private Fees() {
    }

    /** @param amount minor units, >= 0; @param feeRatePpm parts per million (0.38 % = 3800), >= 0 */
    public static long fee(long amount, int feeRatePpm) {
        if (amount < 0 || feeRatePpm < 0) {
            throw new IllegalArgumentException("amount and rate must not be negative");
        }
        // exact integer half-up: amounts are at most 1e8 fen and rates at most 1e6 ppm, far below Long.MAX_VALUE
        return Math.addExact(Math.multiplyExact(amount, (long) feeRatePpm), PPM / 2) / PPM;
    }
}
