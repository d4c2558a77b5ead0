package com.aggpay.notify.store;

import java.time.Instant;

/**
 * A pending, unleased event as the scan sees it: enough to decide whether its endpoint has a free slot, and, for an
 * event not due yet, when the next scan should run.
 */
public record DueEvent(Long id, String endpoint, Instant nextAttemptAt) {
}
