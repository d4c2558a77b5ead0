package com.aggpay.router.callback;

import com.aggpay.contracts.trade.RefundReport;
import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.RefundNotifyOutcome;
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
 * A refund result from a channel: verified like payment callbacks (signature, decryption, account), then stored by
 * order-service; the channel hears "received" only after that, so it sends the result again on any failure.
 */
@Service
public class HandleRefundCallback {

    private static final Logger log = LoggerFactory.getLogger(HandleRefundCallback.class);
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final ChannelInstances channels;
    private final ChannelAdapters adapters;
    private final OrderServiceClient orders;
    private final MeterRegistry meters;

    public HandleRefundCallback(ChannelInstances channels, ChannelAdapters adapters, OrderServiceClient orders,
                                MeterRegistry meters) {
        this.channels = channels;
        this.adapters = adapters;
        this.orders = orders;
        this.meters = meters;
    }

    /** @throws ApiException {@code CHANNEL_UNKNOWN} (404) for a name that is no channel of ours with refund results */
    public ResponseEntity<String> handle(String channelName, ChannelNotification notification, String remote) {
        Optional<ChannelInstance> found = channels.find(channelName);
        Optional<ChannelAdapter> adapter = found.flatMap(c -> adapters.of(c.type()));
        if (adapter.isEmpty() || !adapter.get().capabilities().contains(Capability.REFUND_NOTIFY)) {
            security.warn("event=REFUND_CALLBACK_FOR_UNKNOWN_CHANNEL channel={} remote={}", channelName, remote);
            count(channelName, "unknown_channel");
            throw new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No such channel.");
        }
        ChannelInstance channel = found.get();
        RefundNotifyOutcome outcome;
        try {
            outcome = adapter.get().verifyRefundNotification(channel, notification);
        } catch (RuntimeException e) {
            security.warn("event=REFUND_CALLBACK_MALFORMED channel={} remote={} reason={}", channelName, remote,
                    e.getClass().getSimpleName());
            count(channelName, "malformed");
            return adapter.get().refuse("malformed");
        }
        if (outcome instanceof RefundNotifyOutcome.Refused refused) {
            security.warn("event=REFUND_CALLBACK_REFUSED channel={} remote={} reason=\"{}\"", channelName, remote,
                    refused.reason());
            count(channelName, "refused");
            return adapter.get().refuse("verification failed");
        }
        RefundNotifyOutcome.Verified v = (RefundNotifyOutcome.Verified) outcome;
        if (!channel.accountId().equals(v.accountId())) {
            security.warn("event=REFUND_CALLBACK_ACCOUNT_MISMATCH channel={} expected={} got={} out_refund_no={}",
                    channelName, channel.accountId(), v.accountId(), v.outRefundNo());
            count(channelName, "account_mismatch");
            return adapter.get().refuse("account mismatch");
        }
        try {
            orders.reportRefund(v.outRefundNo(), new RefundReport(channel.name(), v.outTradeNo(), v.channelRefundNo(),
                    v.accountId(), v.amount(), v.succeeded(), v.at() == null ? null : v.at().toString()));
            count(channelName, "applied");
            return adapter.get().acknowledge();
        } catch (FeignException e) {
            log.warn("order-service did not store the refund result {} ({}): the channel will send it again",
                    v.outRefundNo(), e.status());
            boolean rejected = e.status() == 404 || e.status() == 409;
            count(channelName, rejected ? "rejected" : "order_unavailable");
            return rejected ? adapter.get().refuse("not stored") : adapter.get().retryLater("not stored");
        }
    }

    private void count(String channel, String result) {
        meters.counter("aggpay_channel_refund_callbacks_total", "channel", channel, "result", result).increment();
    }
}
