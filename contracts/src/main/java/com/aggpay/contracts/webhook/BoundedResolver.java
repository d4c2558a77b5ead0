package com.aggpay.contracts.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system resolver with a time bound: {@link InetAddress#getAllByName} has none of its own, so a slow name
 * server would hold the caller for the operating system's whole retry ladder. A lookup that takes longer, or finds
 * all lookup threads busy, counts as not resolvable.
 */
public final class BoundedResolver implements WebhookTargets.Resolver, AutoCloseable {

    private final Duration bound;
    private final WebhookTargets.Resolver delegate;
    private final ThreadPoolExecutor lookups;

    public BoundedResolver(Duration bound, int maxConcurrentLookups) {
        this(bound, maxConcurrentLookups, InetAddress::getAllByName);
    }

    public BoundedResolver(Duration bound, int maxConcurrentLookups, WebhookTargets.Resolver delegate) {
        this.bound = bound;
        this.delegate = delegate;
        AtomicInteger n = new AtomicInteger();
        this.lookups = new ThreadPoolExecutor(0, maxConcurrentLookups, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "webhook-dns-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Future<InetAddress[]> lookup;
        try {
            lookup = lookups.submit(() -> delegate.resolve(host));
        } catch (RejectedExecutionException busy) {
            throw new UnknownHostException(host + ": too many lookups in progress");
        }
        try {
            return lookup.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException(host + ": no answer within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": interrupted");
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
