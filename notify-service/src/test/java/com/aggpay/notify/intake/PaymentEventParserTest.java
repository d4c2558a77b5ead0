package com.aggpay.notify.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.event.EventType;
import org.junit.jupiter.api.Test;

class PaymentEventParserTest {

    private static final String VALID = """
            {"event_id":"evt_1","event_type":"PaymentSucceeded","occurred_at":"2026-11-26T10:00:00+08:00",
             "mch_no":"M10001","app_id":"demo-app","notify_url":null,"request_id":"r1","data":{"amount":1},
             "added_later":true}""";

    @Test
    void a_valid_event_is_read_even_with_fields_added_by_a_newer_producer() {
        ParsedEvent parsed = PaymentEventParser.parse(VALID);

        assertThat(parsed).isInstanceOf(ParsedEvent.Valid.class);
        assertThat(((ParsedEvent.Valid) parsed).event().eventType()).isEqualTo(EventType.PaymentSucceeded);
    }

    @Test
    void garbage_is_a_poison_message() {
        assertThat(PaymentEventParser.parse("not json {")).isInstanceOf(ParsedEvent.Invalid.class);
        assertThat(PaymentEventParser.parse("")).isInstanceOf(ParsedEvent.Invalid.class);
    }

    @Test
    void an_unknown_event_type_is_a_poison_message() {
        assertThat(PaymentEventParser.parse(VALID.replace("PaymentSucceeded", "DisputeOpened")))
                .isEqualTo(new ParsedEvent.Invalid("event_type missing or unknown"));
    }

    @Test
    void an_event_without_id_is_a_poison_message() {
        assertThat(PaymentEventParser.parse(VALID.replace("\"event_id\":\"evt_1\",", "")))
                .isInstanceOf(ParsedEvent.Invalid.class);
    }
}
