package com.aggpay.order.cashier;

/** A static-code payment the payer's daily cap has no room for; thrown inside the order's insert to undo it. */
public class StaticQrCapExceeded extends RuntimeException {

    private final long remaining;

    public StaticQrCapExceeded(long remaining) {
        super("static-code daily cap reached; " + remaining + " fen left today");
        this.remaining = remaining;
    }

    /** Fen the payer may still pay through static codes today. */
    public long remaining() {
        return remaining;
    }
}
