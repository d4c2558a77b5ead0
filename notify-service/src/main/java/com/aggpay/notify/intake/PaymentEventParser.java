package com.aggpay.notify.intake;

import com.aggpay.contracts.event.PaymentEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of {@link PaymentEvent} and checks what storing and delivering it needs. Anything that fails
 * here would fail the same way on every redelivery, so it is reported as a value and the message is skipped.
 */
final class PaymentEventParser {

    // Tolerant of new fields (producers may grow the event); an unknown event_type reads as null and is rejected.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private PaymentEventParser() {
    }

    static ParsedEvent parse(String json) {
        if (json == null || json.isBlank()) {
            return new ParsedEvent.Invalid("empty message");
        }
        PaymentEvent event;
        try {
            event = JSON.readValue(json, PaymentEvent.class);
        } catch (JacksonException e) {
            return new ParsedEvent.Invalid("not a payment event: " + e.getOriginalMessage());
        }
        if (event == null) {
            return new ParsedEvent.Invalid("null event");
        }
        String problem = firstProblem(event);
        return problem == null ? new ParsedEvent.Valid(event) : new ParsedEvent.Invalid(problem);
    }

    private static String firstProblem(PaymentEvent e) {
        if (blankOrLonger(e.eventId(), 64)) {
            return "event_id missing or longer than 64";
        }
        if (e.eventType() == null) {
            return "event_type missing or unknown";
        }
        if (blankOrLonger(e.mchNo(), 32)) {
            return "mch_no missing or longer than 32";
        }
        if (blankOrLonger(e.appId(), 64)) {
            return "app_id missing or longer than 64";
        }
        if (blankOrLonger(e.occurredAt(), 64)) {
            return "occurred_at missing";
        }
        if (e.notifyUrl() != null && e.notifyUrl().length() > 1024) {
            return "notify_url longer than 1024";
        }
        if (e.data() == null) {
            return "data missing";
        }
        return null;
    }

    private static boolean blankOrLonger(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
