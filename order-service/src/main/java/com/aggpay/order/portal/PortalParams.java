package com.aggpay.order.portal;

import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.payorder.domain.PayWay;
import com.aggpay.order.reconciliation.ShanghaiDay;
import com.aggpay.order.refund.Refund;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The checks of the portal's query parameters; each refusal names the parameter (400 PARAM_INVALID). */
final class PortalParams {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final long MAX_AMOUNT = 100_000_000L;
    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,32}");

    private PortalParams() {
    }

    static ApiException invalid(String param, String detail) {
        return new ApiException(ErrorCode.PARAM_INVALID, param, detail);
    }

    static String mchNo(String mchNo) {
        if (mchNo == null || mchNo.isBlank()) {
            throw new ApiException(ErrorCode.PARAM_REQUIRED, "mch_no", "mch_no is required.");
        }
        return matching("mch_no", mchNo, MCH_NO);
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static OrderState orderState(String state) {
        if (state == null) {
            return null;
        }
        return Arrays.stream(OrderState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> invalid("state", "state must be one of " + Arrays.toString(OrderState.values())
                        + "."));
    }

    static Refund.State refundState(String state) {
        if (state == null) {
            return null;
        }
        return Arrays.stream(Refund.State.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> invalid("state", "state must be one of " + Arrays.toString(Refund.State.values())
                        + "."));
    }

    static String payWay(String payWay) {
        if (payWay == null) {
            return null;
        }
        return PayWay.parse(payWay).map(Enum::name)
                .orElseThrow(() -> invalid("pay_way", "pay_way must be one of " + Arrays.toString(PayWay.values())
                        + "."));
    }

    static String channel(String channel) {
        return channel == null ? null : matching("channel", channel, CHANNEL);
    }

    static String appId(String appId) {
        return appId == null ? null : matching("app_id", appId, APP_ID);
    }

    /** mch_order_no, mch_refund_no, pay_order_id: the merchant API's number alphabet. */
    static String number(String param, String value) {
        return value == null ? null : matching(param, value, NUMBER);
    }

    static Long amount(String param, Long amount) {
        if (amount != null && (amount < 0 || amount > MAX_AMOUNT)) {
            throw invalid(param, param + " must be between 0 and " + MAX_AMOUNT + " minor units.");
        }
        return amount;
    }

    static void ordered(String param, Comparable<?> low, Comparable<?> high) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean reversed = low != null && high != null && ((Comparable) low).compareTo(high) > 0;
        if (reversed) {
            throw invalid(param, param + " must not be before its lower bound.");
        }
    }

    /**
     * The lower bound of a time range, as UTC: a day {@code YYYY-MM-DD} (its start in Asia/Shanghai, the day of
     * statements) or an RFC 3339 time with offset.
     */
    static LocalDateTime from(String value) {
        return value == null ? null : time("from", value, false);
    }

    /** The upper bound, exclusive: a day counts whole (up to the next day's start), a time is taken as it is. */
    static LocalDateTime to(String value) {
        return value == null ? null : time("to", value, true);
    }

    static LocalDate day(String param, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(param, param + " must be YYYY-MM-DD.");
        }
    }

    private static LocalDateTime time(String param, String value, boolean upper) {
        if (value.length() == 10) {
            ShanghaiDay day = ShanghaiDay.of(day(param, value));
            return upper ? day.to() : day.from();
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw invalid(param, param + " must be YYYY-MM-DD or an RFC 3339 time with offset.");
        }
    }

    private static String matching(String param, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(param, param + " has an invalid format.");
        }
        return value;
    }
}
