package com.aggpay.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.HttpHost;

/**
 * Open-model load: arrivals at a fixed rate, each started at its intended time however slow the earlier answers are,
 * as independent payers would. Latency counts from the intended start, so a stall in the platform (or in this
 * driver) shows in the percentiles instead of silently lowering the offered load (coordinated omission). At most
 * {@code maxInFlight} arrivals are open at once; an arrival beyond that is dropped and counted as an error, never
 * queued.
 *
 * <p>One thread keeps the schedule, a signer thread keeps about a second of signed requests ready, and the
 * {@link LoadClient}'s single I/O thread does all the I/O and runs the answers' bookkeeping.
 */
final class OpenLoop {

    private static final Pattern PAY_DATA = Pattern.compile("\"pay_data\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PAY_ORDER_ID = Pattern.compile("\"pay_order_id\":\"([^\"]+)\"");
    private static final Pattern MCH_ORDER_NO = Pattern.compile("\"mch_order_no\":\"([^\"]+)\"");
    private static final Pattern CHANNEL = Pattern.compile("\"channel\":\"([^\"]*)\"");

    private final LoadClient http;
    private final HttpHost gateway;
    private final HttpHost simulator;
    private final MerchantRequests requests;
    private final PaymentTracker cycle;
    private final Measurements measured;
    private final int maxInFlight;
    private final BlockingQueue<SimpleHttpRequest> ready;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder answered = new LongAdder();
    private volatile long arrivals;
    private volatile long dropped;
    private volatile int maxInFlightSeen;

    /** @param cycle null for create-only load; otherwise each created order is paid and tracked to its webhook */
    OpenLoop(LoadClient http, HttpHost gateway, HttpHost simulator, MerchantRequests requests, PaymentTracker cycle,
             Measurements measured, int maxInFlight, double rate) {
        this.http = http;
        this.gateway = gateway;
        this.simulator = simulator;
        this.requests = requests;
        this.cycle = cycle;
        this.measured = measured;
        this.maxInFlight = maxInFlight;
        this.ready = new ArrayBlockingQueue<>((int) Math.max(64, Math.min(rate, 10_000)));
    }

    /** Keeps {@link #ready} full until interrupted; run it on its own thread. */
    void sign() {
        try {
            while (true) {
                ready.put(requests.nextLoadRequest(gateway));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends arrival i at {@code start + i / rate} until {@code end}; those from {@code measureFrom} on count. */
    void run(long start, long measureFrom, long end, double rate) {
        double period = 1e9 / rate;
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * period);
            if (intended >= end) {
                return;
            }
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            arrive(intended, intended >= measureFrom);
        }
    }

    private void arrive(long intended, boolean inWindow) {
        arrivals++; // only this thread writes
        int open = inFlight.incrementAndGet();
        if (open > maxInFlight) {
            inFlight.decrementAndGet();
            dropped++;
            if (inWindow) {
                measured.count(Measurements.DROPPED);
            }
            return;
        }
        if (open > maxInFlightSeen) {
            maxInFlightSeen = open;
        }
        SimpleHttpRequest request = ready.poll();
        if (request == null) {
            request = requests.nextLoadRequest(gateway); // the signer fell behind: sign here; being late is measured
        }
        http.send(request, (status, body, failure) -> created(intended, inWindow, status, body, failure));
    }

    private void created(long intended, boolean inWindow, int status, String body, String failure) {
        long now = System.nanoTime();
        if (failure != null) {
            if (inWindow && failure.equals(LoadClient.TIMEOUT)) {
                measured.create.recordValue((now - intended) / 1000); // at least this slow: keep it in the tail
            }
            finish(inWindow, "create error: " + failure);
            return;
        }
        if (inWindow) {
            measured.create.recordValue((now - intended) / 1000);
            measured.count("create " + status);
            if (status == 201) {
                String channel = first(CHANNEL, body);
                measured.channel(channel == null ? "(none)" : channel);
            }
        }
        if (cycle == null || status != 201) {
            finish(false, null);
            return;
        }
        String payOrderId = first(PAY_ORDER_ID, body);
        String payData = first(PAY_DATA, body);
        if (payOrderId == null || payData == null) {
            finish(inWindow, "pay skipped (201 without pay_data)");
            return;
        }
        cycle.created(payOrderId, first(MCH_ORDER_NO, body), inWindow);
        long sent = System.nanoTime();
        // pay_data is passed on still JSON-escaped, exactly as it appeared in the answer
        http.send(LoadClient.post(simulator, "/_sim/pay", null, "{\"pay_data\":\"" + payData + "\"}"),
                (payStatus, payBody, payFailure) -> paid(intended, inWindow, payOrderId, sent, payStatus, payFailure));
    }

    private void paid(long intended, boolean inWindow, String payOrderId, long sent, int status, String failure) {
        long now = System.nanoTime();
        if (failure != null) {
            if (inWindow && failure.equals(LoadClient.TIMEOUT)) {
                measured.pay.recordValue((now - sent) / 1000);
                measured.cycle.recordValue((now - intended) / 1000);
            }
            finish(inWindow, "pay error: " + failure);
            return;
        }
        if (status == 200) {
            cycle.paid(payOrderId, now);
        }
        if (inWindow) {
            measured.pay.recordValue((now - sent) / 1000);
            measured.cycle.recordValue((now - intended) / 1000);
            measured.count("pay " + status);
        }
        finish(false, null);
    }

    private void finish(boolean count, String outcome) {
        if (count) {
            measured.count(outcome);
        }
        answered.increment();
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    long arrivals() {
        return arrivals;
    }

    long answered() {
        return answered.sum();
    }

    long dropped() {
        return dropped;
    }

    int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
