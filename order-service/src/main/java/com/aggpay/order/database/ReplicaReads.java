package com.aggpay.order.database;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the reads that may lag the primary by a few seconds: the merchant portal's lists and dashboard and the
 * statements. Inside {@link #call} connections come from the read replica (where one is configured, see
 * {@link ReadRoutingDataSource}); everywhere else, and always inside a transaction, from the primary.
 *
 * <p>An explicit wrapper rather than "every read-only transaction": a read that must see its own write (an order
 * answered right after it was created, a refund checked against the paid amount) never lands on the replica by
 * accident. Code inside {@link #call} only reads.
 */
public final class ReplicaReads {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ReplicaReads() {
    }

    /**
     * Runs {@code read} against the replica. Inside a transaction it runs on the transaction's connection (the
     * primary): the transaction may have written what it reads.
     */
    public static <T> T call(Supplier<T> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || ACTIVE.get() != null) {
            return read.get();
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            ACTIVE.remove();
        }
    }

    /** Whether the current thread is inside {@link #call} (and not in a transaction). */
    static boolean active() {
        return ACTIVE.get() != null;
    }
}
