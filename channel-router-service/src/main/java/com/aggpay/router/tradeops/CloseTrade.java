package com.aggpay.router.tradeops;

import com.aggpay.router.channel.TradeStatus;
import com.aggpay.router.quota.DailyQuota;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Closes a trade at its channel so that it can never be paid (merchant close, expiry). A handed-out trade confirmed
 * closed gives its amount back to the daily quota, once: the conditional update on its row decides who releases.
 */
@Service
public class CloseTrade {

    private static final Logger log = LoggerFactory.getLogger(CloseTrade.class);
    private static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");

    private final UpstreamTrades trades;
    private final TradeCloseRows rows;
    private final DailyQuota quota;
    private final Clock clock;

    public CloseTrade(UpstreamTrades trades, TradeCloseRows rows, DailyQuota quota, Clock clock) {
        this.trades = trades;
        this.rows = rows;
        this.quota = quota;
        this.clock = clock;
    }

    /** @return CLOSED, PAID or UNKNOWN (no clear answer: the trade may still take money) */
    public TradeStatus close(String outTradeNo) {
        Optional<UpstreamTrade> found = trades.find(outTradeNo);
        if (found.isEmpty()) {
            log.warn("cannot close trade {}: its channel or adapter is missing", outTradeNo);
            return TradeStatus.UNKNOWN;
        }
        UpstreamTrade trade = found.get();
        TradeStatus status;
        try {
            status = trade.adapter().closeTrade(trade.channel(), outTradeNo);
        } catch (RuntimeException e) {
            log.warn("closing trade {} on {} failed: {}", outTradeNo, trade.channel().name(), e.toString());
            return TradeStatus.UNKNOWN;
        }
        if (status == TradeStatus.CLOSED) {
            releaseQuotaOnce(trade);
            return TradeStatus.CLOSED;
        }
        // anything but a clear CLOSED or PAID leaves the trade payable as far as we know
        return status == TradeStatus.PAID ? TradeStatus.PAID : TradeStatus.UNKNOWN;
    }

    private void releaseQuotaOnce(UpstreamTrade trade) {
        var a = trade.attempt();
        if (rows.markHandedOutClosed(a.getOutTradeNo(), LocalDateTime.now(clock)) == 1 && a.isQuotaReserved()) {
            quota.release(a.getChannel(), a.getMchNo(), a.getAmount(),
                    a.getCreatedAt().atZone(ZoneOffset.UTC).withZoneSameInstant(CHANNEL_DAY).toLocalDate());
            log.info("trade {} on {} closed; {} given back to the daily quota", a.getOutTradeNo(), a.getChannel(),
                    a.getAmount());
        }
    }
}
