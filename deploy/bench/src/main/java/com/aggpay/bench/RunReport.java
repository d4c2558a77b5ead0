package com.aggpay.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of an open-model run, as a Markdown summary for people and a JSON document for scripts, both built
 * from the same numbers, ending with the verdict against the goal.
 */
final class RunReport {

    /** The run's set-up, as given. */
    record Setup(String mode, String startedAt, String gateway, String payWay, double rate, int warmup, int seconds,
                 int after, int drain, int maxInFlight) {
    }

    /** The goal a run is judged against (issue 9: 500 creates/s, p99 ≤ 200 ms, no errors, ≤ 4 ms CPU per order). */
    record Goal(double rate, double p99Millis, double cpuMillisPerOrder) {
    }

    /** What the driver itself did. */
    record Driver(long arrivals, long dropped, int maxInFlightSeen) {
    }

    /** CPU in ms of each process over the measured window and over the time after it; -1 when it ended. */
    record Cpu(List<ProcessCpu.Proc> processes, long ticksPerSecond, long[] windowMillis, long[] afterMillis) {
    }

    /** A profile taken during the window, or why there is none. */
    record Profile(String process, String file, JfrProfile.HotMethods hot, String error) {
    }

    /** The failover part of a run with an injected fault. */
    record Failover(String mode, String account, int afterSeconds, String channel, String circuitOpenedAfter) {
    }

    private final Setup setup;
    private final Goal goal;
    private final Measurements m;
    private final Driver driver;
    private final CycleTracker.Summary webhooks;
    private final Cpu cpu;
    private final Profile profile;
    private final Failover failover;
    private final boolean cycle;

    RunReport(Setup setup, Goal goal, Measurements m, Driver driver, CycleTracker.Summary webhooks, Cpu cpu,
              Profile profile, Failover failover) {
        this.setup = setup;
        this.goal = goal;
        this.m = m;
        this.driver = driver;
        this.webhooks = webhooks;
        this.cpu = cpu;
        this.profile = profile;
        this.failover = failover;
        this.cycle = webhooks != null;
    }

    /** Creates answered 201 (create mode) or orders paid in the wallet (cycle mode), of the measured window. */
    long successful() {
        return m.total(cycle ? Measurements.PAID : Measurements.CREATED);
    }

    double throughput() {
        return successful() / (double) setup.seconds();
    }

    /** Every outcome that is not a success, plus, in a cycle run, missing and forged webhooks. */
    long errors() {
        long failed = m.outcomes().entrySet().stream()
                .filter(e -> !e.getKey().equals(Measurements.CREATED) && !e.getKey().equals(Measurements.PAID))
                .mapToLong(Map.Entry::getValue).sum();
        return failed + (cycle ? webhooks.missing() + webhooks.badSignatures() : 0);
    }

    private double perOrder(long millis) {
        return successful() == 0 ? Double.NaN : millis / (double) successful();
    }

    private long sum(long[] millis, boolean withDriver) {
        long total = 0;
        for (int i = 0; i < millis.length; i++) {
            if (millis[i] >= 0 && (withDriver || !cpu.processes().get(i).driver())) {
                total += millis[i];
            }
        }
        return total;
    }

    private int driverIndex() {
        for (int i = 0; i < cpu.processes().size(); i++) {
            if (cpu.processes().get(i).driver()) {
                return i;
            }
        }
        throw new IllegalStateException("the driver is always accounted");
    }

    String verdict() {
        double p99 = ms(m.create, 99);
        double cpuPerOrder = perOrder(sum(cpu.windowMillis(), false));
        boolean rateOk = throughput() >= goal.rate();
        boolean p99Ok = m.create.getTotalCount() > 0 && p99 <= goal.p99Millis();
        boolean errorsOk = errors() == 0;
        boolean cpuOk = cpuPerOrder <= goal.cpuMillisPerOrder();
        return String.format(Locale.ROOT, "VERDICT: %s | %.1f %s/s (goal >= %.0f: %s) | create p99 %.1f ms "
                        + "(goal <= %.0f: %s) | errors %d (goal 0: %s) | platform CPU %.2f ms/order (goal <= %.1f: %s)",
                rateOk && p99Ok && errorsOk && cpuOk ? "PASS" : "FAIL", throughput(), cycle ? "cycles" : "creates",
                goal.rate(), ok(rateOk), p99, goal.p99Millis(), ok(p99Ok), errors(), ok(errorsOk), cpuPerOrder,
                goal.cpuMillisPerOrder(), ok(cpuOk));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        line(md, "## AggPay bench: %s, %.1f/s offered, %s, %d s measured after %d s warm-up (%s)%n", setup.mode(),
                setup.rate(), setup.payWay(), setup.seconds(), setup.warmup(), setup.startedAt());
        line(md, "| operation | count | ok/s | p50 ms | p90 ms | p99 ms | max ms |");
        line(md, "|---|---|---|---|---|---|---|");
        row(md, "create order, from the intended start", m.create, m.total(Measurements.CREATED));
        if (cycle) {
            row(md, "pay in the simulated wallet, from sending it", m.pay, m.total(Measurements.PAID));
            row(md, "create + pay, from the intended start", m.cycle, m.total(Measurements.PAID));
            row(md, "payment answered → webhook received", webhooks.latency(), webhooks.received());
        }
        line(md, "%nThroughput: **%.1f successful %s/s** (%d in %d s). Open model: arrivals at fixed times, latency "
                        + "from each arrival's intended start (corrected for coordinated omission).%n",
                throughput(), cycle ? "cycles" : "creates", successful(), setup.seconds());
        line(md, "| outcome | count |");
        line(md, "|---|---|");
        m.outcomes().forEach((k, v) -> line(md, "| %s | %d |", k, v));
        if (cycle) {
            line(md, "| webhooks missing after %d s drain | %d |", setup.drain(), webhooks.missing());
            line(md, "| webhooks with a bad signature | %d |", webhooks.badSignatures());
        }
        int d = driverIndex();
        line(md, "%nDriver: %d arrivals in all (offered %.1f/s), %d dropped at %d in flight, at most %d in flight; "
                        + "own CPU in the window %d ms (%.2f cores, %.3f ms/order).%n", driver.arrivals(), setup.rate(),
                driver.dropped(), setup.maxInFlight(), driver.maxInFlightSeen(), cpu.windowMillis()[d],
                cores(cpu.windowMillis()[d]), perOrder(cpu.windowMillis()[d]));
        if (cycle) {
            line(md, "Webhooks: %d orders paid in the window, %d of them notified, %d missing after %d s; %d deliveries "
                            + "in all, %d duplicate event ids, %d orders with more than one event, %d bad signatures, "
                            + "%d for unknown orders, %d arrived before the pay call's answer (counted as 0 ms).%n",
                    webhooks.expected(), webhooks.received(), webhooks.missing(), setup.drain(), webhooks.deliveries(),
                    webhooks.duplicates(), webhooks.ordersWithSeveralEvents(), webhooks.badSignatures(),
                    webhooks.unknownOrders(), webhooks.beforePayAnswer());
        }
        line(md, "### CPU per successful order (%d orders; utime+stime from /proc, %d ticks/s)%n", successful(),
                cpu.ticksPerSecond());
        line(md, "| process | pid | CPU ms in window | cores | ms/order | CPU ms in %d s after | after ms/order |",
                setup.after());
        line(md, "|---|---|---|---|---|---|---|");
        for (int i = 0; i < cpu.processes().size(); i++) {
            ProcessCpu.Proc p = cpu.processes().get(i);
            cpuRow(md, p.name(), Long.toString(p.pid()), cpu.windowMillis()[i], cpu.afterMillis()[i]);
        }
        cpuRow(md, "**sum, platform**", "", sum(cpu.windowMillis(), false), sum(cpu.afterMillis(), false));
        cpuRow(md, "**sum, with the driver**", "", sum(cpu.windowMillis(), true), sum(cpu.afterMillis(), true));
        if (!m.channels().isEmpty()) {
            line(md, "%n| channel (of created orders) | orders |");
            line(md, "|---|---|");
            m.channels().forEach((k, v) -> line(md, "| %s | %d |", k, v));
        }
        if (failover != null) {
            long creates = m.create.getTotalCount() + m.outcomes().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("create error")).mapToLong(Map.Entry::getValue).sum();
            long failed = creates - m.total(Measurements.CREATED);
            line(md, "%nFailover: %s on account %s %d s into the window; creates failed: %d of %d (%.2f%%); circuit of "
                            + "%s opened %s after the fault", failover.mode(), failover.account(),
                    failover.afterSeconds(), failed, creates, 100.0 * failed / Math.max(1, creates), failover.channel(),
                    failover.circuitOpenedAfter());
        }
        if (profile != null) {
            line(md, "%n### Hot methods of %s (JFR execution samples by top frame; %s)%n", profile.process(),
                    profile.file());
            if (profile.error() != null) {
                line(md, "No profile: %s", profile.error());
            } else {
                line(md, "| # | method | samples | share |");
                line(md, "|---|---|---|---|");
                int rank = 0;
                for (JfrProfile.HotMethod h : profile.hot().top()) {
                    line(md, "| %d | `%s` | %d | %.1f%% |", ++rank, h.method(), h.samples(),
                            100.0 * h.samples() / profile.hot().samples());
                }
                line(md, "%n%d execution samples in all.", profile.hot().samples());
            }
        }
        line(md, "%n%s", verdict());
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", setup.mode());
        doc.put("started_at", setup.startedAt());
        doc.put("gateway", setup.gateway());
        doc.put("pay_way", setup.payWay());
        doc.put("rate_offered_per_s", setup.rate());
        doc.put("warmup_s", setup.warmup());
        doc.put("measured_s", setup.seconds());
        doc.put("after_s", setup.after());
        doc.put("max_in_flight", setup.maxInFlight());
        doc.put("successful", successful());
        doc.put("throughput_ok_per_s", throughput());
        doc.put("errors", errors());
        doc.put("outcomes", m.outcomes());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("create", percentiles(m.create));
        if (cycle) {
            latency.put("pay", percentiles(m.pay));
            latency.put("create_and_pay", percentiles(m.cycle));
            latency.put("payment_to_webhook", percentiles(webhooks.latency()));
        }
        doc.put("latency_ms", latency);
        if (cycle) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("expected", webhooks.expected());
            w.put("received", webhooks.received());
            w.put("missing", webhooks.missing());
            w.put("drain_s", setup.drain());
            w.put("deliveries", webhooks.deliveries());
            w.put("duplicate_event_ids", webhooks.duplicates());
            w.put("orders_with_several_events", webhooks.ordersWithSeveralEvents());
            w.put("bad_signatures", webhooks.badSignatures());
            w.put("unknown_orders", webhooks.unknownOrders());
            w.put("before_pay_answer", webhooks.beforePayAnswer());
            doc.put("webhooks", w);
        }
        Map<String, Object> drv = new LinkedHashMap<>();
        drv.put("arrivals", driver.arrivals());
        drv.put("dropped", driver.dropped());
        drv.put("max_in_flight_seen", driver.maxInFlightSeen());
        drv.put("cpu_ms", cpu.windowMillis()[driverIndex()]);
        drv.put("cpu_cores", cores(cpu.windowMillis()[driverIndex()]));
        doc.put("driver", drv);
        List<Object> procs = new ArrayList<>();
        for (int i = 0; i < cpu.processes().size(); i++) {
            ProcessCpu.Proc p = cpu.processes().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("pid", p.pid());
            row.put("driver", p.driver());
            row.put("window_ms", cpu.windowMillis()[i]);
            row.put("cores", cpu.windowMillis()[i] < 0 ? null : cores(cpu.windowMillis()[i]));
            row.put("ms_per_order", cpu.windowMillis()[i] < 0 ? null : perOrder(cpu.windowMillis()[i]));
            row.put("after_ms", cpu.afterMillis()[i]);
            row.put("after_ms_per_order", cpu.afterMillis()[i] < 0 ? null : perOrder(cpu.afterMillis()[i]));
            procs.add(row);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clock_ticks_per_s", cpu.ticksPerSecond());
        c.put("processes", procs);
        c.put("platform_ms_per_order", perOrder(sum(cpu.windowMillis(), false)));
        c.put("with_driver_ms_per_order", perOrder(sum(cpu.windowMillis(), true)));
        c.put("platform_after_ms_per_order", perOrder(sum(cpu.afterMillis(), false)));
        doc.put("cpu", c);
        doc.put("channels", m.channels());
        if (failover != null) {
            doc.put("failover", Map.of("mode", failover.mode(), "account", failover.account(),
                    "after_s", failover.afterSeconds(), "channel", failover.channel(),
                    "circuit_opened_after", failover.circuitOpenedAfter()));
        }
        if (profile != null) {
            Map<String, Object> jfr = new LinkedHashMap<>();
            jfr.put("process", profile.process());
            jfr.put("file", profile.file());
            jfr.put("error", profile.error());
            if (profile.hot() != null) {
                jfr.put("samples", profile.hot().samples());
                List<Object> hot = new ArrayList<>();
                profile.hot().top().forEach(h -> hot.add(Map.of("method", h.method(), "samples", h.samples())));
                jfr.put("hot_methods", hot);
            }
            doc.put("jfr", jfr);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("rate_per_s", goal.rate());
        g.put("p99_ms", goal.p99Millis());
        g.put("cpu_ms_per_order", goal.cpuMillisPerOrder());
        g.put("pass", verdict().startsWith("VERDICT: PASS"));
        g.put("line", verdict());
        doc.put("goal", g);
        return doc;
    }

    private double cores(long millis) {
        return millis / (setup.seconds() * 1000.0);
    }

    private void cpuRow(StringBuilder md, String name, String pid, long window, long after) {
        line(md, "| %s | %s | %s | %s | %s | %s | %s |", name, pid, window < 0 ? "(ended)" : Long.toString(window),
                window < 0 ? "" : fmt("%.2f", cores(window)), window < 0 ? "" : fmt("%.3f", perOrder(window)),
                after < 0 ? "(ended)" : Long.toString(after), after < 0 ? "" : fmt("%.3f", perOrder(after)));
    }

    private void row(StringBuilder md, String name, Histogram h, long ok) {
        line(md, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, h.getTotalCount(),
                ok / (double) setup.seconds(), ms(h, 50), ms(h, 90), ms(h, 99), h.getMaxValue() / 1000.0);
    }

    private static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", h.getTotalCount());
        p.put("p50", ms(h, 50));
        p.put("p90", ms(h, 90));
        p.put("p99", ms(h, 99));
        p.put("max", h.getMaxValue() / 1000.0);
        return p;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String ok(boolean ok) {
        return ok ? "ok" : "MISSED";
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
