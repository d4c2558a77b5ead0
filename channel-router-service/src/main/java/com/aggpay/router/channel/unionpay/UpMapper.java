package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.TradeStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Pure functions between UnionPay's fields and ours: codes, statuses, times, amounts. */
final class UpMapper {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMdd");
    private static final Pattern TN = Pattern.compile("[0-9A-Za-z]{1,64}");
    private static final Pattern FEN = Pattern.compile("[1-9][0-9]{0,15}");
    private static final LocalDateTime TXN_TIME_BASE = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final long TXN_TIME_SPREAD_SECONDS = 366L * 24 * 3600;

    /** How a synchronous respCode classifies (CHANNELS.md, "Outcome classes"). */
    enum Answer { SUCCESS, UNKNOWN, DUPLICATE, REJECTED }

    private UpMapper() {
    }

    /**
     * 00 success; 03 timeout, 04 state unclear, 05 accepted-query-later and 06 busy leave the outcome open;
     * 12 (duplicate order) means an order with this orderId exists upstream: the caller queries it to see whether
     * it is ours and paid. Every other code is a definite refusal (format, signature, merchant, business limits).
     */
    static Answer answer(String respCode) {
        if (respCode == null) {
            return Answer.UNKNOWN;
        }
        switch (respCode) {
            case "00":
                return Answer.SUCCESS;
            case "03", "04", "05", "06":
                return Answer.UNKNOWN;
            case "12":
                return Answer.DUPLICATE;
            default:
                return respCode.matches("[0-9A-Z]{2}") ? Answer.REJECTED : Answer.UNKNOWN;
        }
    }

    /**
     * The one place a QR payment's result (a notification's respCode, a query's origRespCode) becomes our status.
     * Only txnType 01 (consumption) is a payment; anything else, or a code not listed, is UNKNOWN, never PAID.
     */
    static TradeStatus status(String txnType, String code) {
        if (!"01".equals(txnType) || code == null) {
            return TradeStatus.UNKNOWN;
        }
        switch (code) {
            case "00":
                return TradeStatus.PAID;
            case "05":
                return TradeStatus.NOT_PAID; // QR order accepted, waiting for the payer
            case "03", "04":
                return TradeStatus.PAYING; // UnionPay itself does not know yet
            case "01":
                return TradeStatus.CLOSED; // a final failure of a QR order: it can no longer be paid (closed, expired)
            case "30", "31", "32", "33", "38", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71":
                return TradeStatus.FAILED;
            default:
                return TradeStatus.UNKNOWN;
        }
    }

    /**
     * The txnTime of an order, derived from its orderId alone. UnionPay identifies an order by orderId + txnTime
     * and wants both back to query, cancel or refund it; deriving it means every router instance, after any restart,
     * sends the same txnTime for the same trade (retries stay identical, background closes find the trade) without
     * the adapter keeping state. The cost: txnTime is not the send time (a fixed 2020 window); confirm in UnionPay's
     * sandbox that this merchant's acquirer accepts it before production.
     */
    static String txnTime(String orderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            long n = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
            return TXN_TIME_BASE.plusSeconds(n % TXN_TIME_SPREAD_SECONDS).format(TXN_TIME);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The orderId of the cancel that closes a QR order: its own number, one per order, so a retry is identical. */
    static String cancelOrderId(String outTradeNo) {
        return outTradeNo + "C";
    }

    /**
     * What the payer's page hands to the wallet's JS SDK ({@code upsdk.pay({tn})}): {@code {"tn":"…"}}, or empty when
     * the tn is missing or not the plain token UnionPay gives out (it is written into JSON unescaped).
     */
    static java.util.Optional<String> walletPayData(String tn) {
        return tn != null && TN.matcher(tn).matches() ? java.util.Optional.of("{\"tn\":\"" + tn + "\"}")
                : java.util.Optional.empty();
    }

    /** txnAmt in fen, or -1 when it is not a positive whole number. */
    static long fen(String txnAmt) {
        return txnAmt != null && FEN.matcher(txnAmt).matches() ? Long.parseLong(txnAmt) : -1;
    }

    /** UnionPay's numeric currency code for the only currency it settles here. */
    static String currency(String currencyCode) {
        return "156".equals(currencyCode) ? "CNY" : null;
    }

    /**
     * When money moved, from {@code traceTime} (MMddHHmmss, China, no year): the latest such moment not more than a
     * day after {@code now} (clock skew), so a notification read on 1 January for 31 December lands in the old year.
     */
    static OffsetDateTime traceTime(String traceTime, ZonedDateTime now) {
        if (traceTime == null || !traceTime.matches("[0-9]{10}")) {
            return null;
        }
        try {
            MonthDay day = MonthDay.parse(traceTime.substring(0, 4), MONTH_DAY);
            int hour = Integer.parseInt(traceTime.substring(4, 6));
            int minute = Integer.parseInt(traceTime.substring(6, 8));
            int second = Integer.parseInt(traceTime.substring(8, 10));
            ZonedDateTime china = now.withZoneSameInstant(CHINA);
            for (int year = china.getYear() + 1; year >= china.getYear() - 1; year--) {
                if (!day.isValidYear(year)) {
                    continue;
                }
                ZonedDateTime at = day.atYear(year).atTime(hour, minute, second).atZone(CHINA);
                if (!at.isAfter(china.plusDays(1))) {
                    return at.toOffsetDateTime();
                }
            }
            return null;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static String settleDate(java.time.LocalDate day) {
        return day.format(MONTH_DAY);
    }
}
