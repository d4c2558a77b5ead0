package com.aggpay.order.reconciliation;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.web.ApiException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each morning (default 06:00 Asia/Shanghai, {@code aggpay.reconciliation.cron}) reconciles the day before for every
 * channel that had orders or has a bill. One instance runs it: the day is claimed by inserting its row in
 * {@code reconciliation_run}, which only one insert can do. A run that dies half-way is not retried by itself (the
 * row stays); an operator re-runs a channel with {@code POST /api/admin/reconciliations}, which replaces reports.
 */
@Component
class DailyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);

    private final RunReconciliation reconciliation;
    private final ChannelBillClient router;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DailyReconciliation(RunReconciliation reconciliation, ChannelBillClient router, JdbcTemplate jdbc, Clock clock) {
        this.reconciliation = reconciliation;
        this.router = router;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${aggpay.reconciliation.cron:0 0 6 * * *}", zone = "${aggpay.reconciliation.zone:Asia/Shanghai}")
    void reconcileYesterday() {
        runFor(LocalDate.now(clock.withZone(ShanghaiDay.ZONE)).minusDays(1));
    }

    /** @return false when another instance (or an earlier run) already claimed the day */
    boolean runFor(LocalDate day) {
        int claimed = jdbc.update("INSERT IGNORE INTO reconciliation_run (day, started_at, instance) VALUES (?, ?, ?)",
                day, LocalDateTime.now(clock), instance());
        if (claimed == 0) {
            log.info("reconciliation of {} already claimed by another run", day);
            return false;
        }
        Set<String> channels = channels(day);
        log.info("reconciliation of {} starts for {} channels: {}", day, channels.size(), channels);
        int done = 0;
        for (String channel : channels) {
            try {
                ReconciliationView r = reconciliation.run(channel, day);
                done++;
                log.info("reconciliation of {} channel {} ({}/{}): matched {} discrepancies {}", day, channel, done,
                        channels.size(), r.matchedCount(), r.discrepancies().size());
            } catch (ApiException e) {
                // e.g. a channel without bill download, or a bill not yet available: the others still run
                log.warn("reconciliation of {} channel {} not done: {} {}", day, channel, e.code(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("reconciliation of {} channel {} failed", day, channel, e);
            }
        }
        log.info("reconciliation of {} finished: {}/{} channels", day, done, channels.size());
        return true;
    }

    /** Channels with orders or refunds that day, plus every channel the router has (it may hold a bill we lack). */
    private Set<String> channels(LocalDate day) {
        ShanghaiDay window = ShanghaiDay.of(day);
        Set<String> channels = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT channel FROM pay_order WHERE channel"
                + " IS NOT NULL AND ((paid_at >= ? AND paid_at < ?) OR (created_at >= ? AND created_at < ?))",
                String.class, window.from(), window.to(), window.from(), window.to()));
        try {
            router.feeRates().stream().map(ChannelFeeRate::channel).forEach(channels::add);
        } catch (RuntimeException e) {
            log.warn("router's channel list not had, reconciling channels with orders only: {}", e.toString());
        }
        return channels;
    }

    private static String instance() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() <= 64 ? host : host.substring(0, 64);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
