package com.aggpay.router.tradeops;

import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.trade.TradeAttempt;
import com.aggpay.router.trade.TradeAttemptRows;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the channel and adapter of a trade from the router's own record of it. */
@Component
class UpstreamTrades {

    private final TradeAttemptRows attempts;
    private final ChannelInstances channels;
    private final ChannelAdapters adapters;

    UpstreamTrades(TradeAttemptRows attempts, ChannelInstances channels, ChannelAdapters adapters) {
        this.attempts = attempts;
        this.channels = channels;
        this.adapters = adapters;
    }

    /** @return empty when the trade's channel or its adapter is gone: then nobody can say anything about it */
    Optional<UpstreamTrade> find(String outTradeNo) {
        TradeAttempt attempt = attempts.find(outTradeNo);
        if (attempt == null) {
            throw new ApiException(ErrorCode.TRADE_UNKNOWN, "out_trade_no", "No trade " + outTradeNo + ".");
        }
        return channels.find(attempt.getChannel()).flatMap(c -> adapters.of(c.type())
                .map(a -> new UpstreamTrade(attempt, c, a)));
    }
}
