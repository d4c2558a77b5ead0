package com.aggpay.bench;

import java.util.Locale;

/** How one merchant endpoint of a webhook run behaves towards every request it gets. */
enum EndpointKind {
    /** Answers 204 at once. */
    HEALTHY,
    /** Answers 204 after a fixed delay (shorter than notify-service's request timeout, so it still succeeds). */
    SLOW,
    /** Answers 500 at once: every attempt is retried, until notify-service gives the event up. */
    FAILING,
    /** Accepts the connection, reads the request and never answers: each attempt waits for notify's timeout. */
    HANGING;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
