package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UnionPay-shaped numbers. Lengths differ from every other protocol's numbers (queryId 21 digits, QR token 24),
 * so the ledger's shared token index never confuses them.
 */
public final class UpNumbers {

    static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("MMddHHmmss");
    static final DateTimeFormatter SETTLE_DATE = DateTimeFormatter.ofPattern("MMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

    private UpNumbers() {
    }

    /** queryId: 21 digits, the time it was given out then a counter. */
    public static String queryId() {
        return ZonedDateTime.now(TradeNumbers.CHINA).format(STAMP) + sequence(9);
    }

    /** The tail of a qrCode URL; also the trade's pay token in the ledger. */
    static String qrToken() {
        return "01" + ZonedDateTime.now(TradeNumbers.CHINA).format(DAY) + Randoms.digits(8) + sequence(8);
    }

    /**
     * The transaction number (tn) the wallet's JS SDK pays: 21 digits like UnionPay's. It shares queryId's form and
     * counter, so no tn equals any queryId in the ledger's token index (one counter value, one number).
     */
    static String tn() {
        return ZonedDateTime.now(TradeNumbers.CHINA).format(STAMP) + sequence(9);
    }

    static String traceNo() {
        return sequence(6);
    }

    static String china(OffsetDateTime time, DateTimeFormatter format) {
        return time.atZoneSameInstant(TradeNumbers.CHINA).format(format);
    }

    private static String sequence(int digits) {
        long modulus = (long) Math.pow(10, digits);
        return String.format("%0" + digits + "d", Math.floorMod(SEQUENCE.incrementAndGet(), modulus));
    }
}
