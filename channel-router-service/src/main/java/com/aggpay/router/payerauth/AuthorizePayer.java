package com.aggpay.router.payerauth;

import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.store.RoutableChannel;
import com.aggpay.router.trade.RankChannels;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Picks the channel through whose app a wallet payer is identified, and the wallet page that does it. The payer id
 * is only good with that app (orders then pin it), so the pick is the channel the merchant's routing would rank
 * first for the wallet's in-wallet pay way: contracted, enabled, able to open that pay way, able to authorise (a
 * WeChat channel needs its account's AppSecret) and with its circuit not open. Looking at the circuit takes no
 * half-open probe: those belong to trades.
 */
@Service
class AuthorizePayer {

    /** The smallest amount: authorisation comes before the payer types one, and any channel limit admits it. */
    private static final long ANY_AMOUNT = 1;

    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final ChannelCircuits circuits;
    private final RankChannels ranking;
    private final PayerAuthProperties properties;

    AuthorizePayer(ChannelInstances channels, ChannelAdapters adapters, ChannelCircuits circuits, RankChannels ranking,
                   PayerAuthProperties properties) {
        this.channels = channels;
        this.adapters = adapters;
        this.circuits = circuits;
        this.ranking = ranking;
        this.properties = properties;
    }

    AuthorizeAnswer authorize(AuthorizeRequest request) {
        Wallet wallet = Wallet.parse(request.wallet());
        List<RoutableChannel> usable = channels.contractedFor(request.mchNo(), ANY_AMOUNT).stream()
                .filter(c -> adapters.canOpen(c.instance(), wallet.payWay()))
                .filter(c -> wallet.authorisesThrough(c.instance()))
                .filter(c -> !circuits.isOpen(c.name()))
                .toList();
        if (usable.isEmpty()) {
            throw new ApiException(ErrorCode.NO_CHANNEL_FOR_WALLET, "wallet",
                    "The merchant has no usable channel for " + wallet + " payers.");
        }
        ChannelInstance chosen = ranking.rank(usable, request.mchNo(), wallet.payWay()).get(0).instance();
        return new AuthorizeAnswer(url(wallet, chosen, request), chosen.name());
    }

    private String url(Wallet wallet, ChannelInstance channel, AuthorizeRequest request) {
        return switch (wallet) {
            case WECHAT -> AuthorizeUrls.wechat(properties.wechat().authorizeUrl(), channel.credential("appid"),
                    request.returnUrl(), request.state());
            case ALIPAY -> AuthorizeUrls.alipay(properties.alipay().authorizeUrl(), channel.accountId(),
                    request.returnUrl(), request.state());
            case UNIONPAY -> AuthorizeUrls.unionpay(properties.unionpay().authorizeUrl(), request.returnUrl(),
                    request.state());
        };
    }
}
