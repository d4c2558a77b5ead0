package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeStatus;
import com.alipay.api.AlipayResponse;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;

/** Pure functions between our records and Alipay's: amounts, times, trade statuses, error classes. */
final class AliMapper {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AliMapper() {
    }

    /** The one place an Alipay trade_status becomes ours; anything else is UNKNOWN, never PAID. */
    static TradeStatus status(String tradeStatus) {
        if (tradeStatus == null) {
            return TradeStatus.UNKNOWN;
        }
        return switch (tradeStatus) {
            case "WAIT_BUYER_PAY" -> TradeStatus.NOT_PAID;
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> TradeStatus.PAID;
            case "TRADE_CLOSED" -> TradeStatus.CLOSED;
            default -> TradeStatus.UNKNOWN;
        };
    }

    /**
     * CHANNELS.md "Outcome classes" for a non-10000 answer. 40004 business failures are definite, except the ones
     * that say the trade may exist (system error, the out_trade_no already used with other content).
     */
    static TradeOutcome classifyFailure(AlipayResponse response) {
        String code = response.getCode() == null ? "" : response.getCode();
        String subCode = response.getSubCode() == null ? "" : response.getSubCode();
        String label = subCode.isEmpty() ? code : code + "/" + subCode;
        String message = response.getSubMsg() != null ? response.getSubMsg() : response.getMsg();
        if ("ACQ.TRADE_HAS_SUCCESS".equals(subCode)) {
            return new TradeOutcome.Paid(label);
        }
        return switch (code) {
            case "40001", "40002", "40006" -> new TradeOutcome.Rejected(label, message);
            case "40004" -> switch (subCode) {
                case "ACQ.SYSTEM_ERROR", "ACQ.CONTEXT_INCONSISTENT" -> new TradeOutcome.Unknown(label, message);
                default -> new TradeOutcome.Rejected(label, message);
            };
            default -> new TradeOutcome.Unknown(label, message);
        };
    }

    /** Fen → yuan with exactly two decimals ("12.34"). */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Yuan text → fen, exact; null when not a non-negative amount with at most two decimals. */
    static Long fen(String yuan) {
        if (yuan == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(yuan.trim());
            if (amount.scale() > 2 || amount.signum() < 0) {
                return null;
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static String timeExpire(OffsetDateTime expiresAt) {
        return expiresAt == null ? null
                : expiresAt.atZoneSameInstant(CHINA).truncatedTo(ChronoUnit.SECONDS).format(TIME);
    }

    static OffsetDateTime parseTime(String chinaTime) {
        return chinaTime == null || chinaTime.isBlank() ? null
                : java.time.LocalDateTime.parse(chinaTime, TIME).atZone(CHINA).toOffsetDateTime();
    }

    /** Whether the call failed before its request could reach Alipay (no connection at all). */
    static boolean connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || (t instanceof java.net.SocketTimeoutException
                    && String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect"))) {
                return true;
            }
        }
        return false;
    }
}
