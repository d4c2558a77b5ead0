package com.aggpay.notify.delivery;

import com.aggpay.notify.store.FinishedAttempt;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores finished attempts the way a database stores commits: one writer thread takes everything that finished
 * while it was writing the previous batch and writes it in one transaction ({@link WebhookEvents#recordAll}). A
 * quiet instance writes each attempt at once; a busy one pays one commit and two or three statements for many
 * attempts instead of a transaction each. Nothing waits for a batch to fill.
 *
 * <p>The queue needs no bound of its own: each entry holds a {@link Bulkhead} slot until it is stored. A failed
 * write is tried again a few times (a deadlock or a brief database hiccup would otherwise send the webhooks again);
 * after that the attempts are given up and their leases expire, so they are repeated (at-least-once).
 */
public class AttemptRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final int MAX_BATCH = 500;
    private static final long[] RETRY_PAUSES_MS = {100, 500, 2_000};

    private record Entry(FinishedAttempt attempt, CompletableFuture<Boolean> stored) {
    }

    private final WebhookEvents events;
    private final Clock clock;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public AttemptRecorder(WebhookEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.writer = new Thread(this::run, "webhook-record");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Completes with {@code true} once stored, {@code false} if the lease was lost, exceptionally if not stored. */
    public CompletableFuture<Boolean> record(FinishedAttempt attempt) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (closed) {
            stored.completeExceptionally(new IllegalStateException("recorder closed"));
        } else {
            queue.add(new Entry(attempt, stored));
        }
        return stored;
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        queue.forEach(e -> e.stored().completeExceptionally(new IllegalStateException("recorder closed")));
    }

    private void write(List<Entry> batch) throws InterruptedException {
        List<FinishedAttempt> attempts = batch.stream().map(Entry::attempt).toList();
        for (int retry = 0; ; retry++) {
            try {
                List<Boolean> stored = events.recordAll(attempts, clock.instant());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).stored().complete(stored.get(i));
                }
                return;
            } catch (RuntimeException e) {
                if (retry == RETRY_PAUSES_MS.length) {
                    batch.forEach(entry -> entry.stored().completeExceptionally(e));
                    return;
                }
                log.warn("event=WEBHOOK_RECORD_RETRY attempts={} error={}", batch.size(), e.toString());
                Thread.sleep(RETRY_PAUSES_MS[retry]);
            }
        }
    }

    /** Stores what is queued, then stops; attempts finishing later are not stored (their leases expire). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join(10_000);
    }
}
