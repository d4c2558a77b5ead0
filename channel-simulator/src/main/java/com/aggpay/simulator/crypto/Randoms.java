package com.aggpay.simulator.crypto;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Nonces and identifiers. SecureRandom only where a value is a secret's IV; ids only need to be unique. */
public final class Randoms {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom SECURE = new SecureRandom();

    private Randoms() {
    }

    public static String alnum(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALNUM.charAt(ThreadLocalRandom.current().nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    public static String secureAlnum(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALNUM.charAt(SECURE.nextInt(ALNUM.length())));
        }
        return s.toString();
    }

    public static String digits(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return s.toString();
    }
}
