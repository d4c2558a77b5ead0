package com.aggpay.router.callback;

import com.aggpay.contracts.trade.PaymentReport;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.TradeStatus;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import feign.FeignException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * A payment callback from a channel: trusted only after the channel's signature verifies and the account matches
 * the channel instance; then order-service checks it against the order and stores it. The channel gets its
 * "received" answer only after that, so a failure anywhere makes the channel send it again.
 */
@Service
public class HandleChannelCallback {

    private static final Logger log = LoggerFactory.getLogger(HandleChannelCallback.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final OrderServiceClient orders;
    private final MeterRegistry meters;
    private final HandleRefundCallback refunds;

    public HandleChannelCallback(ChannelInstances channels, ChannelAdapters adapters, OrderServiceClient orders,
                                 MeterRegistry meters, HandleRefundCallback refunds) {
        this.channels = channels;
        this.adapters = adapters;
        this.orders = orders;
        this.meters = meters;
        this.refunds = refunds;
    }

    /** @throws ApiException {@code CHANNEL_UNKNOWN} (404) for a name that is no channel of ours */
    public ResponseEntity<String> handle(String channelName, ChannelNotification notification, String remote) {
        Optional<ChannelInstance> found = channels.find(channelName);
        if (found.isEmpty() || adapters.of(found.get().type()).isEmpty()) {
            security.warn("event=CALLBACK_FOR_UNKNOWN_CHANNEL channel={} remote={}", channelName, remote);
            count(channelName, "unknown_channel");
            throw new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No such channel.");
        }
        ChannelInstance channel = found.get();
        ChannelAdapter adapter = adapters.of(channel.type()).get();
        NotifyOutcome outcome;
        try {
            if (adapter.announcesRefund(notification)) {
                return refunds.handle(channelName, notification, remote);
            }
            outcome = adapter.verifyPaymentNotification(channel, notification);
        } catch (RuntimeException e) {
            // adapters refuse what they cannot read; this is the net for a parser that threw instead
            security.warn("event=CALLBACK_MALFORMED channel={} remote={} reason={}", channelName, remote,
                    e.getClass().getSimpleName());
            count(channelName, "malformed");
            return adapter.refuse("malformed");
        }
        if (outcome instanceof NotifyOutcome.Refused refused) {
            security.warn("event=CALLBACK_REFUSED channel={} remote={} reason=\"{}\"", channelName, remote,
                    refused.reason());
            count(channelName, "refused");
            return adapter.refuse("verification failed");
        }
        NotifyOutcome.Verified v = (NotifyOutcome.Verified) outcome;
        if (!channel.accountId().equals(v.accountId())) {
            security.warn("event=CALLBACK_ACCOUNT_MISMATCH channel={} expected={} got={} out_trade_no={} remote={}",
                    channelName, channel.accountId(), v.accountId(), v.outTradeNo(), remote);
            count(channelName, "account_mismatch");
            return adapter.refuse("account mismatch");
        }
        if (v.status() != TradeStatus.PAID) {
            log.info("callback from {} for {} with status {}: nothing to apply", channelName, v.outTradeNo(),
                    v.status());
            count(channelName, "not_paid");
            return adapter.acknowledge();
        }
        return report(channel, adapter, v);
    }

    private ResponseEntity<String> report(ChannelInstance channel, ChannelAdapter adapter, NotifyOutcome.Verified v) {
        try {
            var answer = orders.reportPayment(v.outTradeNo(), new PaymentReport(channel.name(),
                    v.channelTradeNo(), v.accountId(), v.amount(), v.currency(),
                    v.paidAt() == null ? null : v.paidAt().toString()));
            log.info("payment of {} on {}: {}", v.outTradeNo(), channel.name(), answer.get("result"));
            count(channel.name(), "applied");
            return adapter.acknowledge();
        } catch (FeignException e) {
            if (e.status() == 404 || e.status() == 409) {
                security.warn("event=CALLBACK_REJECTED_BY_ORDER channel={} out_trade_no={} status={} body={}",
                        channel.name(), v.outTradeNo(), e.status(), e.contentUTF8());
                count(channel.name(), "rejected");
            } else {
                log.warn("order-service could not store the payment of {} ({}): the channel will send it again",
                        v.outTradeNo(), e.status());
                count(channel.name(), "order_unavailable");
                return adapter.retryLater("not stored");
            }
            return adapter.refuse("not stored");
        }
    }

    private void count(String channel, String result) {
        meters.counter("aggpay_channel_callbacks_total", "channel", channel, "result", result).increment();
    }
}
