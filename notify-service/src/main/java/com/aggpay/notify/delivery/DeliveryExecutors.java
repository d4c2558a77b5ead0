package com.aggpay.notify.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/**
 * The delivery engine's threads, kept out of the application context so they never replace Boot's own task
 * executor. Each lane prepares its attempts (merchant-service lookup, and the DNS lookup that the HTTP client makes
 * through the {@link TargetGuard} when it opens a connection) on its own pool: a stalled lookup
 * for a broken endpoint holds a suspect-lane thread, never a healthy-lane one. Queues need no bound of their
 * own: the {@link Bulkhead} already caps how many attempts exist at once.
 */
class DeliveryExecutors implements DisposableBean {

    private final ExecutorService healthyPrepare = Executors.newFixedThreadPool(16, named("webhook-prepare-"));
    private final ExecutorService suspectPrepare = Executors.newFixedThreadPool(8, named("webhook-prepare-suspect-"));

    Map<Bulkhead.Lane, Executor> prepareByLane() {
        Map<Bulkhead.Lane, Executor> lanes = new EnumMap<>(Bulkhead.Lane.class);
        lanes.put(Bulkhead.Lane.HEALTHY, healthyPrepare);
        lanes.put(Bulkhead.Lane.SUSPECT, suspectPrepare);
        return lanes;
    }

    @Override
    public void destroy() {
        healthyPrepare.shutdownNow();
        suspectPrepare.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
