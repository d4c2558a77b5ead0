package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query a portal list passes on, each parameter checked for its form here (400 INVALID_REQUEST naming it);
 * which values exist (states, pay ways) is the owning service's to say, and its refusal comes back the same way.
 */
final class PortalQuery {

    static final Pattern WORD = Pattern.compile("[A-Z_]{1,16}");
    static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,32}");
    static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    static final Pattern WEBHOOK_TYPE = Pattern.compile("[a-z]{1,16}\\.[a-z]{1,16}");
    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final long MAX_AMOUNT = 100_000_000L;
    private static final int MAX_LIMIT = 100;

    private final Map<String, String> params = new LinkedHashMap<>();

    PortalQuery matching(String name, String value, Pattern pattern) {
        if (value != null) {
            params.put(name, check(name, value, pattern));
        }
        return this;
    }

    PortalQuery amount(String name, String value) {
        if (value != null) {
            long amount = number(name, value);
            if (amount < 0 || amount > MAX_AMOUNT) {
                throw invalid(name, name + " must be between 0 and " + MAX_AMOUNT + " minor units.");
            }
            params.put(name, Long.toString(amount));
        }
        return this;
    }

    PortalQuery limit(String value) {
        if (value != null) {
            long limit = number("limit", value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
            }
            params.put("limit", Long.toString(limit));
        }
        return this;
    }

    /** A day {@code YYYY-MM-DD} (Asia/Shanghai, the whole day) or an RFC 3339 time with offset. */
    PortalQuery time(String name, String value) {
        if (value != null) {
            try {
                if (value.length() == 10) {
                    LocalDate.parse(value);
                } else {
                    OffsetDateTime.parse(value);
                }
            } catch (DateTimeParseException e) {
                throw invalid(name, name + " must be YYYY-MM-DD or an RFC 3339 time with offset.");
            }
            params.put(name, value);
        }
        return this;
    }

    /** The checked parameters and the merchant they are scoped to. */
    Map<String, String> forMerchant(String mchNo) {
        Map<String, String> scoped = new LinkedHashMap<>(params);
        scoped.put("mch_no", mchNo);
        return scoped;
    }

    static String check(String name, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(name, name + " has an invalid format.");
        }
        return value;
    }

    static String day(String name, String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be YYYY-MM-DD.");
        }
    }

    static ApiException invalid(String name, String detail) {
        return new ApiException(ErrorCode.INVALID_REQUEST, detail, name);
    }

    private static long number(String name, String value) {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            throw invalid(name, name + " must be a whole number.");
        }
        return Long.parseLong(value);
    }
}
