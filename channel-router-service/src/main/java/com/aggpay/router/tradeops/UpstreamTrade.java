package com.aggpay.router.tradeops;

import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.trade.TradeAttempt;

/** A trade the router opened, with the channel it lives on and that channel's adapter. */
record UpstreamTrade(TradeAttempt attempt, ChannelInstance channel, ChannelAdapter adapter) {
}
