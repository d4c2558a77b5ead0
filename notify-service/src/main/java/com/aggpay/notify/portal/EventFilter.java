package com.aggpay.notify.portal;

import com.aggpay.contracts.event.EventType;
import com.aggpay.notify.api.ApiException;
import com.aggpay.notify.api.ErrorCode;
import com.aggpay.notify.domain.EventState;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What an event listing is narrowed to, checked: {@code mchNo} null = every merchant (operators only),
 * {@code webhookType} as merchants see it ({@code payment.succeeded}, ...).
 */
record EventFilter(String mchNo, EventState state, String webhookType, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    static EventFilter of(String mchNo, boolean mchNoRequired, String state, String type, Integer limit) {
        if (mchNo == null && mchNoRequired) {
            throw invalid("mch_no", "mch_no is required.");
        }
        if (mchNo != null && !MCH_NO.matcher(mchNo).matches()) {
            throw invalid("mch_no", "mch_no has an invalid format.");
        }
        EventState parsedState = state == null ? null : Arrays.stream(EventState.values())
                .filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> invalid("state", "state must be one of " + Arrays.toString(EventState.values())));
        if (type != null && Arrays.stream(EventType.values()).noneMatch(t -> t.webhookType().equals(type))) {
            throw invalid("type", "type must be one of " + Arrays.stream(EventType.values())
                    .map(EventType::webhookType).toList());
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new EventFilter(mchNo, parsedState, type, limit == null ? DEFAULT_LIMIT : limit);
    }

    private static ApiException invalid(String param, String detail) {
        return new ApiException(ErrorCode.INVALID_REQUEST, param, detail);
    }
}
