package com.aggpay.merchant.kyc;

/** How a secret number is shown in every answer and log line: its last four characters, the rest starred. */
public final class Masking {

    private Masking() {
    }

    public static String lastFour(String value) {
        return value == null ? null : value.substring(Math.max(0, value.length() - 4));
    }

    /** {@code ****************002X} style: the length is not secret, the digits are. */
    public static String masked(String lastFour, int length) {
        if (lastFour == null) {
            return null;
        }
        return "*".repeat(Math.max(0, length - lastFour.length())) + lastFour;
    }
}
