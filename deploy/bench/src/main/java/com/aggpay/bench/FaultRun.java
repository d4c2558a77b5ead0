package com.aggpay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * A failover run: sets a simulator fault ({@code POST /_sim/faults}) some seconds into the load and watches the
 * router's Prometheus endpoint until the circuit breaker of the faulty channel opens, so the report can say how
 * long the platform took to move traffic away.
 */
final class FaultRun {

    final String account;
    final String mode;
    final String channel;
    final int afterSeconds;
    private final String simulator;
    private final String router;
    private final HttpClient http;
    private volatile long injectedAt;
    private volatile long openedAt;

    private FaultRun(Options opt, String simulator, HttpClient http) {
        this.account = opt.string("fault-account", null);
        this.mode = opt.string("fault-mode", "DOWN");
        this.channel = opt.string("fault-channel", "wxpay-a");
        this.afterSeconds = opt.integer("fault-after", 10);
        this.simulator = simulator;
        this.router = opt.string("router", "http://127.0.0.1:18083"); // its management port
        this.http = http;
    }

    /** The fault the options ask for, or null when they name no {@code --fault-account}. */
    static FaultRun from(Options opt, String simulator, HttpClient http) {
        return opt.has("fault-account") ? new FaultRun(opt, simulator, http) : null;
    }

    /** Runs the injection and the watch on a daemon thread; the fault's delay counts from now. */
    void startInBackground() {
        Thread injector = new Thread(this::run, "fault-injector");
        injector.setDaemon(true);
        injector.start();
    }

    private void run() {
        try {
            Thread.sleep(afterSeconds * 1000L);
            http.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/faults"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"" + account + "\",\"mode\":\""
                            + mode + "\",\"rate\":1.0}")).build(), HttpResponse.BodyHandlers.ofString());
            injectedAt = System.nanoTime();
            System.out.printf("  … fault %s set on %s%n", mode, account);
            String open = "resilience4j_circuitbreaker_state{name=\"" + channel + "\",state=\"open\"} 1.0";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(router + "/actuator/prometheus"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (metrics.contains(open)) {
                    openedAt = System.nanoTime();
                    System.out.printf("  … circuit of %s open%n", channel);
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.out.println("  … fault injection failed: " + e);
        }
    }

    String openedAfter() {
        return openedAt == 0 ? "(never, within the run)" : String.format("%.1f s", (openedAt - injectedAt) / 1e9);
    }

    void clear() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/faults")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.out.println("could not clear the fault: " + e);
        }
    }
}
