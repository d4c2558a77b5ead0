package com.aggpay.notify.intake;

import com.aggpay.contracts.event.PaymentEvent;

/** A Kafka message read as a payment event, or why it cannot be one (a poison message, skipped). */
sealed interface ParsedEvent {

    record Valid(PaymentEvent event) implements ParsedEvent {
    }

    record Invalid(String reason) implements ParsedEvent {
    }
}
