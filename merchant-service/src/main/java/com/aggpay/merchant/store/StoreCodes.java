package com.aggpay.merchant.store;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Store codes: printed on the counter and read by anyone, so they must not be guessable from one another (a guessed
 * code would show a stranger's store name and take payments for it) and must survive any URL and any QR mode.
 */
public final class StoreCodes {

    /** RFC 4648 base32 in lower case: no padding, no characters that need escaping in a path. */
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 12 characters of 5 bits: 60 random bits. */
    static final int LENGTH = 12;
    /** What a path may carry as a code: the issued form, and hand-made ones like the demo's {@code demo-store}. */
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreCodes() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** False for anything no code can be, so such a path is answered "unknown" without asking the database. */
    public static boolean plausible(String storeCode) {
        return storeCode != null && SHAPE.matcher(storeCode).matches();
    }
}
