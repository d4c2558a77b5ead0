package com.aggpay.simulator.ledger;

import com.aggpay.simulator.crypto.Randoms;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** Channel-side numbers shaped like the real ones; a counter keeps them unique at any rate. */
public final class TradeNumbers {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

    private TradeNumbers() {
    }

    /** WeChat transaction_id: 28 digits, "4200" + 6 + date + 10. */
    public static String wxTransactionId() {
        return "4200" + Randoms.digits(6) + ZonedDateTime.now(CHINA).format(DAY) + sequence(10);
    }

    /** WeChat prepay_id: "wx" + 14-digit time + 20 alphanumerics; also the trade's pay token. */
    public static String wxPrepayId() {
        return "wx" + ZonedDateTime.now(CHINA).format(SECOND) + Randoms.alnum(12) + sequence(8);
    }

    /** Alipay trade_no: 28 digits starting with the date ("2026…"). */
    public static String aliTradeNo() {
        return ZonedDateTime.now(CHINA).format(DAY) + "22001" + Randoms.digits(5) + sequence(10);
    }

    /** The alphanumeric tail of an Alipay qr_code (https://qr.alipay.com/bax…). */
    public static String aliQrToken() {
        return Randoms.alnum(14) + sequence(8);
    }

    private static String sequence(int digits) {
        long modulus = (long) Math.pow(10, digits);
        return String.format("%0" + digits + "d", Math.floorMod(SEQUENCE.incrementAndGet(), modulus));
    }
}
