package com.aggpay.router.orphan;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.TradeStatus;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.trade.TradeAttempt;
import com.aggpay.router.trade.TradeAttemptRows;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes orphans: trades whose create outcome was unknown, so they may exist upstream although nobody has their pay
 * data. Each is closed at its channel until the channel confirms it closed or never existed; an unclear answer is
 * tried again on a backoff ladder. Several router instances may run this: each orphan is claimed with a
 * conditional update first. A closed orphan gives its amount back to the daily quota. An orphan found PAID means a
 * payer paid a trade whose pay data we never handed out — impossible by design, so it is an alert; the payment
 * itself reaches the order through the channel's notification or the compensation job.
 */
@Component
public class OrphanCloser {

    private static final Logger log = LoggerFactory.getLogger(OrphanCloser.class);
    private static final Logger alerts = LoggerFactory.getLogger("aggpay.alert");
    private static final Duration[] LADDER = {Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");

    private final TradeAttemptRows rows;
    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final DailyQuota quota;
    private final Clock clock;
    private final MeterRegistry meters;

    public OrphanCloser(TradeAttemptRows rows, ChannelInstances channels, ChannelAdapters adapters, DailyQuota quota,
                        Clock clock, MeterRegistry meters) {
        this.rows = rows;
        this.channels = channels;
        this.adapters = adapters;
        this.quota = quota;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("aggpay_router_open_orphans", rows, TradeAttemptRows::countOpenOrphans)
                .description("trades with an unknown outcome not yet confirmed closed upstream").register(meters);
    }

    @Scheduled(fixedDelayString = "${aggpay.router.orphans.poll-interval}")
    public void closeDue() {
        try {
            for (TradeAttempt orphan : rows.dueOrphans(LocalDateTime.now(clock), 50)) {
                if (rows.claimOrphan(orphan.getOutTradeNo(), orphan.getNextCloseAt(),
                        LocalDateTime.now(clock).plus(LEASE)) == 1) {
                    close(orphan);
                }
            }
        } catch (RuntimeException e) {
            log.warn("orphan closing round failed: {}", e.toString());
        }
    }

    void close(TradeAttempt orphan) {
        Optional<ChannelInstance> channel = channels.find(orphan.getChannel());
        Optional<ChannelAdapter> adapter = channel.flatMap(c -> adapters.of(c.type()));
        if (adapter.isEmpty() || !adapter.get().capabilities().contains(Capability.CLOSE)) {
            postpone(orphan, "channel or close capability missing");
            return;
        }
        TradeStatus status;
        try {
            status = adapter.get().closeTrade(channel.get(), orphan.getOutTradeNo());
        } catch (RuntimeException e) {
            log.warn("closing orphan {} on {} failed: {}", orphan.getOutTradeNo(), orphan.getChannel(), e.toString());
            status = TradeStatus.UNKNOWN;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (status == TradeStatus.CLOSED) {
            if (rows.settleOrphan(orphan.getOutTradeNo(), "CLOSED", now) == 1 && orphan.isQuotaReserved()) {
                quota.release(orphan.getChannel(), orphan.getMchNo(), orphan.getAmount(),
                        orphan.getCreatedAt().atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(CHANNEL_DAY)
                                .toLocalDate());
            }
            count(orphan, "closed");
            log.info("orphan {} on {} confirmed closed", orphan.getOutTradeNo(), orphan.getChannel());
        } else if (status == TradeStatus.PAID) {
            rows.settleOrphan(orphan.getOutTradeNo(), "PAID", now);
            count(orphan, "paid");
            alerts.error("event=ORPHAN_TRADE_PAID channel={} out_trade_no={} pay_order_id={} amount={}: a trade whose "
                    + "pay data was never handed out was paid", orphan.getChannel(), orphan.getOutTradeNo(),
                    orphan.getPayOrderId(), orphan.getAmount());
        } else {
            postpone(orphan, "channel answered " + status);
        }
    }

    private void postpone(TradeAttempt orphan, String why) {
        Duration wait = LADDER[Math.min(orphan.getCloseTries(), LADDER.length - 1)];
        LocalDateTime now = LocalDateTime.now(clock);
        rows.postponeOrphan(orphan.getOutTradeNo(), now.plus(wait), now);
        count(orphan, "postponed");
        log.info("orphan {} on {} not closed yet ({}); next try in {}", orphan.getOutTradeNo(), orphan.getChannel(),
                why, wait);
    }

    private void count(TradeAttempt orphan, String result) {
        meters.counter("aggpay_router_orphan_closes_total", "channel", orphan.getChannel(), "result", result)
                .increment();
    }
}
