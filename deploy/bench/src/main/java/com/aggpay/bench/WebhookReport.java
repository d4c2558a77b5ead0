package com.aggpay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of a webhook run ({@link WebhookRun}), as Markdown for people and JSON for scripts, built from the same
 * numbers and ending with the verdict against issue 12's goals: healthy endpoints' p99 from payment to first
 * successful delivery under 1 s while 10 % of endpoints hang and 10 % fail, and at least 1,000 deliveries/s.
 */
final class WebhookReport {

    /** The run's set-up, as given. */
    record Setup(String startedAt, String commit, Map<EndpointKind, Integer> endpoints, Duration slowDelay,
                 double rate, int warmup, int seconds, int drain, int backlog, int outageEvents, int outage,
                 int drainTimeout) {
    }

    record Goal(double p99Millis, double deliveriesPerSecond) {
    }

    /** Phase 1. {@code cpuMillis}: per process over the measured window. */
    record Payments(Measurements measured, long arrivals, long dropped, FleetTracker.Summary fleet,
                    long[] cpuMillis) {
    }

    /**
     * Phase 2 or 3: a batch of published events. {@code outageSeconds} 0 for the backlog; for the outage the drain's
     * origin, the CPU window and {@code windowSeconds} start when the endpoints came back.
     */
    record Batch(int events, Duration published, int outageSeconds, Drain.Summary drain, boolean complete,
                 long[] cpuMillis, double windowSeconds) {
    }

    private final Setup setup;
    private final List<ProcessCpu.Proc> processes;
    private final long ticksPerSecond;
    private final Payments payments;
    private final Batch backlog;
    private final Batch outage;
    private final Goal goal;

    WebhookReport(Setup setup, List<ProcessCpu.Proc> processes, long ticksPerSecond, Payments payments, Batch backlog,
                  Batch outage, Goal goal) {
        this.setup = setup;
        this.processes = processes;
        this.ticksPerSecond = ticksPerSecond;
        this.payments = payments;
        this.backlog = backlog;
        this.outage = outage;
        this.goal = goal;
    }

    private CycleTracker.Summary healthy() {
        return payments.fleet().orders().get(EndpointKind.HEALTHY);
    }

    String verdict() {
        List<String> parts = new ArrayList<>();
        boolean pass = true;
        if (payments != null) {
            CycleTracker.Summary h = healthy();
            double p99 = ms(h.latency(), 99);
            boolean p99Ok = h.received() > 0 && p99 < goal.p99Millis();
            long missing = payments.fleet().orders().values().stream().mapToLong(CycleTracker.Summary::missing).sum();
            long bad = payments.fleet().signatures().get(FleetTracker.Signature.BAD);
            boolean cleanOk = missing == 0 && bad == 0;
            pass &= p99Ok && cleanOk;
            parts.add(fmt("healthy p99 %.1f ms with %d%% hanging and %d%% failing (goal < %.0f: %s)", p99,
                    share(EndpointKind.HANGING), share(EndpointKind.FAILING), goal.p99Millis(), ok(p99Ok)));
            parts.add(fmt("missing %d, bad signatures %d (goal 0: %s)", missing, bad, ok(cleanOk)));
        } else {
            parts.add("payments not run");
        }
        if (backlog != null) {
            double rate = backlog.drain().wholeRate();
            boolean rateOk = backlog.complete() && rate >= goal.deliveriesPerSecond();
            pass &= rateOk;
            parts.add(fmt("backlog %.0f deliveries/s, publish to last delivery (goal >= %.0f: %s)", rate,
                    goal.deliveriesPerSecond(), ok(rateOk)));
        } else {
            parts.add("backlog not run");
        }
        if (outage != null) {
            pass &= outage.complete();
            parts.add(fmt("outage backlog drained %s", outage.complete()
                    ? fmt("%.1f s after recovery", outage.drain().lastMillis() / 1000.0) : "INCOMPLETE"));
        }
        return "VERDICT: " + (pass ? "PASS" : "FAIL") + " | " + String.join(" | ", parts);
    }

    private int share(EndpointKind kind) {
        int all = setup.endpoints().values().stream().mapToInt(Integer::intValue).sum();
        return Math.round(100f * setup.endpoints().get(kind) / all);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        line(md, "## AggPay bench: webhooks (%s, notify-service at %s)%n", setup.startedAt(), setup.commit());
        line(md, "Endpoints on loopback, one port each: %s; slow ones answer after %d ms, failing ones 500, hanging "
                + "ones never.%n", counts(), setup.slowDelay().toMillis());
        if (payments != null) {
            paymentsMarkdown(md);
        }
        if (backlog != null) {
            batchMarkdown(md, backlog, fmt("### Phase 2: a backlog of %d events, published onto the topic at once, "
                    + "to the %d healthy endpoints", backlog.events(), setup.endpoints().get(EndpointKind.HEALTHY)));
        }
        if (outage != null) {
            batchMarkdown(md, outage, fmt("### Phase 3: %d events while the healthy endpoints refuse connections, "
                    + "back after %d s", outage.events(), outage.outageSeconds()));
        }
        line(md, "%n%s", verdict());
        return md.toString();
    }

    private void paymentsMarkdown(StringBuilder md) {
        Measurements m = payments.measured();
        FleetTracker.Summary f = payments.fleet();
        line(md, "### Phase 1: payments at %.1f/s for %d s (after %d s warm-up), notify URLs in turn over every "
                + "endpoint%n", setup.rate(), setup.seconds(), setup.warmup());
        line(md, "| endpoints | paid orders | delivered | missing after %d s | payment → first successful delivery "
                + "p50 / p90 / p99 / max ms | duplicate event ids | more than one event |", setup.drain());
        line(md, "|---|---|---|---|---|---|---|");
        f.orders().forEach((kind, s) -> line(md, "| %s | %d | %d | %d | %.1f / %.1f / %.1f / %.1f | %d | %d |",
                kind.label(), s.expected(), s.received(), s.missing(), ms(s.latency(), 50), ms(s.latency(), 90),
                ms(s.latency(), 99), s.latency().getMaxValue() / 1000.0, s.duplicates(), s.ordersWithSeveralEvents()));
        line(md, "%nOrders created in the window per kind of endpoint: %s. Requests that reached the endpoints during "
                        + "the whole run so far (all phases' retries included): %s. Signatures: %s.%n",
                labels(f.ordersSent()), labels(f.attempts()), labels(f.signatures()));
        line(md, "| operation | count | p50 ms | p90 ms | p99 ms | max ms |");
        line(md, "|---|---|---|---|---|---|");
        row(md, "create order, from the intended start", m.create);
        row(md, "pay in the simulated wallet", m.pay);
        line(md, "%nOutcomes: %s; %d arrivals, %d dropped.%n", m.outcomes(), payments.arrivals(), payments.dropped());
        cpuTable(md, payments.cpuMillis(), setup.seconds(), m.total(Measurements.PAID), "paid order");
    }

    private void batchMarkdown(StringBuilder md, Batch b, String title) {
        Drain.Summary d = b.drain();
        String origin = b.outageSeconds() == 0 ? "the start of publishing" : "the recovery";
        line(md, "%n%s%n", title);
        line(md, "| measure | value |");
        line(md, "|---|---|");
        line(md, "| published (acknowledged by Kafka) in | %d ms |", b.published().toMillis());
        line(md, "| delivered | %d of %d%s |", d.received(), d.expected(), b.complete() ? ""
                : fmt(" (gave up after %d s)", setup.drainTimeout()));
        line(md, "| first delivery after %s | %.2f s |", origin, d.firstMillis() / 1000.0);
        line(md, "| last delivery after %s | %.2f s |", origin, d.lastMillis() / 1000.0);
        line(md, "| events/s, %s → last delivery | **%.0f** |", origin, d.wholeRate());
        line(md, "| events/s, first → last delivery | %.0f |", d.flowRate());
        line(md, "| deliveries in the median full second / the best second | %d / %d |", d.medianFullSecond(),
                d.peakSecond());
        line(md, "| %s → first delivery, p50 / p90 / p99 / max s | %.2f / %.2f / %.2f / %.2f |", origin,
                ms(d.sinceOrigin(), 50) / 1000, ms(d.sinceOrigin(), 90) / 1000, ms(d.sinceOrigin(), 99) / 1000,
                d.sinceOrigin().getMaxValue() / 1e6);
        line(md, "| repeated deliveries (same event id again) | %d |", d.duplicates());
        line(md, "%nFirst deliveries per second after %s: %s%n", origin, timeline(d.perSecond()));
        cpuTable(md, b.cpuMillis(), b.windowSeconds(), d.received(), "delivery");
    }

    private void cpuTable(StringBuilder md, long[] millis, double seconds, long units, String unit) {
        line(md, "CPU over the %.1f s window (utime+stime from /proc, %d ticks/s):%n", seconds, ticksPerSecond);
        line(md, "| process | CPU ms | cores | ms per %s |", unit);
        line(md, "|---|---|---|---|");
        long platform = 0;
        for (int i = 0; i < processes.size(); i++) {
            if (millis[i] < 0) {
                line(md, "| %s | (ended) | | |", processes.get(i).name());
                continue;
            }
            if (!processes.get(i).driver()) {
                platform += millis[i];
            }
            line(md, "| %s | %d | %.2f | %.3f |", processes.get(i).name(), millis[i], millis[i] / (seconds * 1000),
                    units == 0 ? Double.NaN : millis[i] / (double) units);
        }
        line(md, "| **sum, platform** | %d | %.2f | %.3f |%n", platform, platform / (seconds * 1000),
                units == 0 ? Double.NaN : platform / (double) units);
    }

    Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", "webhooks");
        doc.put("started_at", setup.startedAt());
        doc.put("commit", setup.commit());
        Map<String, Object> endpoints = new LinkedHashMap<>();
        setup.endpoints().forEach((k, n) -> endpoints.put(k.label(), n));
        doc.put("endpoints", endpoints);
        doc.put("slow_ms", setup.slowDelay().toMillis());
        if (payments != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rate_offered_per_s", setup.rate());
            p.put("warmup_s", setup.warmup());
            p.put("measured_s", setup.seconds());
            p.put("drain_s", setup.drain());
            p.put("outcomes", payments.measured().outcomes());
            p.put("create_ms", percentiles(payments.measured().create, 1000.0));
            p.put("pay_ms", percentiles(payments.measured().pay, 1000.0));
            Map<String, Object> byKind = new LinkedHashMap<>();
            payments.fleet().orders().forEach((kind, s) -> {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("paid", s.expected());
                k.put("delivered", s.received());
                k.put("missing", s.missing());
                k.put("duplicate_event_ids", s.duplicates());
                k.put("orders_with_several_events", s.ordersWithSeveralEvents());
                k.put("unknown_orders", s.unknownOrders());
                k.put("payment_to_first_delivery_ms", percentiles(s.latency(), 1000.0));
                byKind.put(kind.label(), k);
            });
            p.put("deliveries", byKind);
            p.put("orders_created_by_kind", labels(payments.fleet().ordersSent()));
            p.put("requests_by_kind", labels(payments.fleet().attempts()));
            Map<String, Object> sig = new LinkedHashMap<>();
            payments.fleet().signatures().forEach((k, n) -> sig.put(k.name().toLowerCase(Locale.ROOT), n));
            p.put("signatures", sig);
            p.put("cpu", cpuJson(payments.cpuMillis(), setup.seconds(),
                    payments.measured().total(Measurements.PAID)));
            doc.put("payments", p);
        }
        if (backlog != null) {
            doc.put("backlog", batchJson(backlog));
        }
        if (outage != null) {
            doc.put("outage", batchJson(outage));
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("healthy_p99_ms", goal.p99Millis());
        g.put("deliveries_per_s", goal.deliveriesPerSecond());
        g.put("pass", verdict().startsWith("VERDICT: PASS"));
        g.put("line", verdict());
        doc.put("goal", g);
        return doc;
    }

    private Map<String, Object> batchJson(Batch b) {
        Drain.Summary d = b.drain();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("events", b.events());
        j.put("outage_s", b.outageSeconds());
        j.put("published_ms", b.published().toMillis());
        j.put("complete", b.complete());
        j.put("delivered", d.received());
        j.put("repeated_deliveries", d.duplicates());
        j.put("first_delivery_s", d.firstMillis() / 1000.0);
        j.put("last_delivery_s", d.lastMillis() / 1000.0);
        j.put("events_per_s_whole", d.wholeRate());
        j.put("events_per_s_flowing", d.flowRate());
        j.put("median_full_second", d.medianFullSecond());
        j.put("best_second", d.peakSecond());
        j.put("since_origin_s", percentiles(d.sinceOrigin(), 1e6));
        List<Object> perSecond = new ArrayList<>();
        for (long n : d.perSecond()) {
            perSecond.add(n);
        }
        j.put("first_deliveries_per_second", perSecond);
        j.put("cpu", cpuJson(b.cpuMillis(), b.windowSeconds(), d.received()));
        return j;
    }

    private Map<String, Object> cpuJson(long[] millis, double seconds, long units) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("window_s", seconds);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", processes.get(i).name());
            row.put("pid", processes.get(i).pid());
            row.put("driver", processes.get(i).driver());
            row.put("cpu_ms", millis[i]);
            row.put("cores", millis[i] < 0 ? null : millis[i] / (seconds * 1000));
            row.put("ms_per_unit", millis[i] < 0 || units == 0 ? null : millis[i] / (double) units);
            rows.add(row);
        }
        c.put("processes", rows);
        return c;
    }

    private String counts() {
        List<String> parts = new ArrayList<>();
        setup.endpoints().forEach((k, n) -> parts.add(n + " " + k.label()));
        return String.join(", ", parts);
    }

    private static Map<String, Long> labels(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, n) -> out.put(k.name().toLowerCase(Locale.ROOT), n));
        return out;
    }

    /** Seconds as counts, e.g. "0:812 1:1203 …", empty seconds included so gaps show. */
    private static String timeline(long[] perSecond) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < perSecond.length; i++) {
            s.append(i == 0 ? "" : " ").append(i).append(':').append(perSecond[i]);
        }
        return s.length() == 0 ? "(none)" : s.toString();
    }

    private static Map<String, Object> percentiles(Histogram h, double unitsPerOutput) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", h.getTotalCount());
        p.put("p50", h.getValueAtPercentile(50) / unitsPerOutput);
        p.put("p90", h.getValueAtPercentile(90) / unitsPerOutput);
        p.put("p99", h.getValueAtPercentile(99) / unitsPerOutput);
        p.put("max", h.getMaxValue() / unitsPerOutput);
        return p;
    }

    private void row(StringBuilder md, String name, Histogram h) {
        line(md, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99),
                h.getMaxValue() / 1000.0);
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
