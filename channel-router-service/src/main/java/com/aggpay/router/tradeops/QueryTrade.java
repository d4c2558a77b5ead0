package com.aggpay.router.tradeops;

import com.aggpay.contracts.trade.TradeStatusAnswer;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.trade.TradeAttempt;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks a trade's channel for its state (compensation of lost callbacks). Only a verified answer counts; a refused,
 * failed or unsupported query is UNKNOWN, from which the caller concludes nothing.
 */
@Service
public class QueryTrade {

    private static final Logger log = LoggerFactory.getLogger(QueryTrade.class);

    private final UpstreamTrades trades;

    public QueryTrade(UpstreamTrades trades) {
        this.trades = trades;
    }

    public TradeStatusAnswer query(String outTradeNo) {
        Optional<UpstreamTrade> found = trades.find(outTradeNo);
        if (found.isEmpty()) {
            return unknown(null);
        }
        UpstreamTrade trade = found.get();
        NotifyOutcome outcome;
        try {
            outcome = trade.adapter().queryTrade(trade.channel(), outTradeNo);
        } catch (RuntimeException e) {
            log.warn("querying trade {} on {} failed: {}", outTradeNo, trade.channel().name(), e.toString());
            return unknown(trade.attempt());
        }
        if (outcome instanceof NotifyOutcome.Verified v) {
            if (!outTradeNo.equals(v.outTradeNo())) {
                log.warn("query of trade {} on {} answered for trade {}", outTradeNo, trade.channel().name(),
                        v.outTradeNo());
                return unknown(trade.attempt());
            }
            return new TradeStatusAnswer(v.status().name(), trade.channel().name(), v.channelTradeNo(),
                    v.accountId(), v.amount(), v.currency(), v.paidAt() == null ? null : v.paidAt().toString());
        }
        log.info("query of trade {} on {} gave no trustworthy answer: {}", outTradeNo, trade.channel().name(),
                ((NotifyOutcome.Refused) outcome).reason());
        return unknown(trade.attempt());
    }

    private static TradeStatusAnswer unknown(TradeAttempt attempt) {
        return new TradeStatusAnswer(TradeStatusAnswer.UNKNOWN, attempt == null ? null : attempt.getChannel(), null,
                null, null, null, null);
    }
}
