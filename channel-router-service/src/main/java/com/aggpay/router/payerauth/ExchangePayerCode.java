package com.aggpay.router.payerauth;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.PayerAuthOutcome;
import com.aggpay.router.channel.alipay.AlipayAdapter;
import com.aggpay.router.channel.unionpay.UnionPayAdapter;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns the one-time code a wallet brought the payer back with into the payer's id, through the channel whose app
 * issued it. The wallet's clear refusal is a 422 (the payer starts over); no clear answer is a 503. Neither codes nor
 * payer ids are logged.
 */
@Service
class ExchangePayerCode {

    private static final Logger log = LoggerFactory.getLogger(ExchangePayerCode.class);

    private final ChannelInstances channels;
    private final WxOAuth wechat;
    private final AlipayAdapter alipay;
    private final UnionPayAdapter unionpay;
    private final PayerAuthProperties properties;

    ExchangePayerCode(ChannelInstances channels, WxOAuth wechat, AlipayAdapter alipay, UnionPayAdapter unionpay,
                      PayerAuthProperties properties) {
        this.channels = channels;
        this.wechat = wechat;
        this.alipay = alipay;
        this.unionpay = unionpay;
        this.properties = properties;
    }

    ExchangeAnswer exchange(ExchangeRequest request) {
        Wallet wallet = Wallet.parse(request.wallet());
        ChannelInstance channel = channels.find(request.channel())
                .orElseThrow(() -> new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No such channel."));
        if (!wallet.servedBy(channel.type())) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "channel", "channel is not a " + wallet + " channel.");
        }
        PayerAuthOutcome outcome = switch (wallet) {
            case WECHAT -> wechat.exchange(channel, request.code());
            case ALIPAY -> alipay.exchangeAuthCode(channel, request.code());
            case UNIONPAY -> unionpay.exchangeUserAuthCode(channel, properties.unionpay().backUrl(), request.code(),
                    request.userAgent());
        };
        if (outcome instanceof PayerAuthOutcome.Identified id) {
            log.info("payer authorised through {}: {}", channel.name(), id.idKind());
            return new ExchangeAnswer(id.payerId(), id.idKind().name(), channel.name(), id.appId());
        }
        if (outcome instanceof PayerAuthOutcome.Refused refused) {
            log.info("payer authorisation refused by {}: {} {}", channel.name(), refused.code(), refused.detail());
            throw new ApiException(ErrorCode.PAYER_AUTH_REFUSED, "code", "The wallet refused the code ("
                    + refused.code() + ").");
        }
        PayerAuthOutcome.Unavailable none = (PayerAuthOutcome.Unavailable) outcome;
        log.warn("payer authorisation through {} had no clear answer: {} {}", channel.name(), none.code(),
                none.detail());
        throw new ApiException(ErrorCode.CHANNEL_UNAVAILABLE, null, "No clear answer from the channel ("
                + none.code() + "); try again.");
    }
}
