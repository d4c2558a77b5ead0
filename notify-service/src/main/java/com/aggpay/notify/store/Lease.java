package com.aggpay.notify.store;

import java.time.Instant;

/**
 * A claim on events: only {@code owner} may record their attempts until {@code until}; after that any instance may
 * take them over. Every claim gets an owner of its own, so even this instance notices when it lost an old claim.
 */
public record Lease(String owner, Instant until) {
}
