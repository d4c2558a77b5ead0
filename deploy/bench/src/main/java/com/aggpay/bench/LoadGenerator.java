package com.aggpay.bench;

import java.io.IOException;
import java.util.Set;

/**
 * Drives a running platform as many merchants' servers would: signed unified orders through the gateway. Only
 * ever talks to the addresses it is given (loopback in local mode), and stops by itself.
 *
 * <ul>
 *   <li>{@code --mode create} (default): open model, creates at a fixed {@code --rate}; latency from each arrival's
 *       intended start; CPU per order of every platform process; results in {@code --results}.</li>
 *   <li>{@code --mode cycle}: the same, and each order is paid in the simulated wallet and followed to its signed
 *       webhook, received by this driver.</li>
 *   <li>{@code --mode webhooks}: notify-service against a fleet of merchant endpoints in this driver (healthy,
 *       slow, failing, hanging, each on its own port): latency of payments' webhooks to healthy endpoints next to
 *       bad neighbours, then deliveries per second of a backlog published straight onto the payment events topic,
 *       then the drain after an outage of the healthy endpoints ({@link WebhookRun}).</li>
 *   <li>{@code --mode closed}: the earlier closed loop ({@code --workers N}); giving {@code --workers} without a
 *       mode selects it, so existing failover commands keep working.</li>
 * </ul>
 *
 * <p>Failover run (every mode): {@code --fault-account 1900000001 --fault-mode DOWN --fault-after 10
 * --fault-channel wxpay-a} sets that simulator fault mid-run (in the open modes, that many seconds into the
 * measured window) and reports the share of orders that failed and how long the router took to open the channel's
 * circuit breaker (read from its Prometheus endpoint, {@code --router}).
 */
public final class LoadGenerator {

    private static final Set<String> OPTIONS = Set.of("mode", "gateway", "simulator", "router", "pay-way", "app-id",
            "app-secret", "seconds", "fault-account", "fault-mode", "fault-after", "fault-channel",
            // closed loop
            "workers", "pay",
            // open model
            "rate", "warmup", "after", "drain", "max-in-flight", "timeout", "webhook-secret",
            "webhook-port", "pid-dir", "results", "jfr", "jfr-settings", "goal-rate", "goal-p99-ms", "goal-cpu-ms",
            // webhooks
            "healthy", "slow", "failing", "hanging", "slow-ms", "backlog", "outage-events", "outage", "drain-timeout",
            "kafka", "kafka-username", "kafka-password", "topic-prefix", "mch-no", "goal-deliveries");

    private static final String USAGE = """
            usage: LoadGenerator [--mode create|cycle|webhooks|closed] [options]
              open model (create, cycle): --rate 100 --warmup 20 --seconds 60 --after 10 --drain 30
                --max-in-flight 2000 --timeout 30 --pay-way WX_NATIVE
                --jfr <process name, e.g. channel-router-service> [--jfr-settings default|profile]
                --webhook-port 0 (cycle) --pid-dir .local/run --results deploy/bench/results
                --goal-rate 500 --goal-p99-ms 200 --goal-cpu-ms 4
              webhooks: --healthy 70 --slow 10 --failing 10 --hanging 10 --slow-ms 2000
                --rate 40 --warmup 30 --seconds 60 --drain 30 (payments; --seconds 0 skips them)
                --backlog 20000 --outage-events 5000 --outage 30 --drain-timeout 300 (0 events skips a phase)
                --kafka localhost:9092 --kafka-username aggpay --kafka-password ... --topic-prefix aggpay
                --mch-no M10001 --goal-p99-ms 1000 --goal-deliveries 1000
              closed loop: --workers 16 --seconds 30 --pay true --pay-way WX_NATIVE
              any mode: --gateway http://127.0.0.1:8080 --simulator http://127.0.0.1:9090
                --router http://127.0.0.1:18083 --app-id demo-app --app-secret ... --webhook-secret ...
                --fault-account 1900000001 --fault-mode DOWN --fault-after 10 --fault-channel wxpay-a""";

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options opt;
        try {
            opt = Options.parse(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(64);
            return;
        }
        String mode = opt.string("mode", opt.has("workers") ? "closed" : "create");
        int status;
        try {
            status = switch (mode) {
                case "closed" -> ClosedLoop.run(opt);
                case "create", "cycle" -> BenchRun.run(opt, mode);
                case "webhooks" -> WebhookRun.run(opt);
                default -> throw new IllegalArgumentException("unknown --mode " + mode);
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            status = 64;
        } catch (IOException e) {
            System.err.println("bench failed: " + e);
            status = 2;
        }
        if (status != 0) {
            System.exit(status);
        }
        // exit code 0 by returning: every thread of the driver is a daemon or has been stopped
    }
}
