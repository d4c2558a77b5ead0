package com.aggpay.merchant.app;

/**
 * An app's request limit as the gateway enforces it: a token bucket refilled at {@code perSecond}, holding at most
 * {@code burst}. Build one with {@link #of}, which applies the rules.
 */
public record RateLimit(int perSecond, int burst) {

    /** Far above anything one app needs; keeps a typo from switching the limit off. */
    public static final long MAX_PER_SECOND = 100_000;
    public static final long MAX_BURST = 1_000_000;

    /** What {@link #of} made of two numbers: a limit, or the first rule they break. */
    public sealed interface Checked {

        record Valid(RateLimit limit) implements Checked {
        }

        /** @param param the JSON field at fault, as API.md names it */
        record Invalid(String param, String detail) implements Checked {
        }
    }

    public static Checked of(long perSecond, long burst) {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            return new Checked.Invalid("per_second", "per_second must be between 1 and " + MAX_PER_SECOND + ".");
        }
        if (burst < 1 || burst > MAX_BURST) {
            return new Checked.Invalid("burst", "burst must be between 1 and " + MAX_BURST + ".");
        }
        if (burst < perSecond) {
            return new Checked.Invalid("burst", "burst must be at least per_second.");
        }
        return new Checked.Valid(new RateLimit((int) perSecond, (int) burst));
    }
}
