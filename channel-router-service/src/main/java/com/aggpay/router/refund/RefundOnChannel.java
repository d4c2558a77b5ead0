package com.aggpay.router.refund;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.store.ChannelInstances;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a refund, or a refund query, to the channel instance that took the payment. No failover here: a refund
 * can only go back through the trade it refunds. An adapter's fault is an UNKNOWN answer, never a FAILED one,
 * because the request may have reached the channel.
 */
@Service
public class RefundOnChannel {

    private static final Logger log = LoggerFactory.getLogger(RefundOnChannel.class);
    private final ChannelInstances channels;
    private final ChannelAdapters adapters;

    public RefundOnChannel(ChannelInstances channels, ChannelAdapters adapters) {
        this.channels = channels;
        this.adapters = adapters;
    }

    public RefundAnswer refund(RefundCall call) {
        Optional<ChannelInstance> channel = channels.find(call.channel());
        Optional<ChannelAdapter> adapter = channel.flatMap(c -> adapters.of(c.type()));
        if (adapter.isEmpty()) {
            return failed("CHANNEL_UNKNOWN", "no channel " + call.channel());
        }
        if (!adapter.get().capabilities().contains(Capability.REFUND)) {
            return failed("REFUND_UNSUPPORTED", channel.get().type() + " cannot refund");
        }
        RefundRequest request = new RefundRequest(call.outTradeNo(), call.outRefundNo(), call.refundAmount(),
                call.totalAmount(), call.currency() == null ? "CNY" : call.currency(), call.reason());
        try {
            return answer(adapter.get().refund(channel.get(), request));
        } catch (RuntimeException e) {
            log.warn("refund {} on {} ended in a fault: {}", call.outRefundNo(), call.channel(), e.toString());
            return new RefundAnswer(RefundAnswer.Outcome.UNKNOWN, null, 0, "ADAPTER_FAULT", e.getClass().getSimpleName());
        }
    }

    public RefundAnswer query(RefundCall call) {
        Optional<ChannelInstance> channel = channels.find(call.channel());
        Optional<ChannelAdapter> adapter = channel.flatMap(c -> adapters.of(c.type()));
        if (adapter.isEmpty() || !adapter.get().capabilities().contains(Capability.REFUND_QUERY)) {
            // nothing can be learnt here: the refund stays as it is, never released on our say-so
            return new RefundAnswer(RefundAnswer.Outcome.UNKNOWN, null, 0, "REFUND_QUERY_UNSUPPORTED",
                    "channel " + call.channel() + " cannot be asked about refunds");
        }
        try {
            return answer(adapter.get().queryRefund(channel.get(), call.outTradeNo(), call.outRefundNo()));
        } catch (RuntimeException e) {
            log.warn("refund query {} on {} ended in a fault: {}", call.outRefundNo(), call.channel(), e.toString());
            return new RefundAnswer(RefundAnswer.Outcome.UNKNOWN, null, 0, "ADAPTER_FAULT", e.getClass().getSimpleName());
        }
    }

    static RefundAnswer answer(RefundOutcome outcome) {
        if (outcome instanceof RefundOutcome.Processing p) {
            return new RefundAnswer(RefundAnswer.Outcome.PROCESSING, p.channelRefundNo(), 0, null, null);
        }
        if (outcome instanceof RefundOutcome.Succeeded s) {
            return new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, s.channelRefundNo(), s.amount(), null, null);
        }
        if (outcome instanceof RefundOutcome.Failed f) {
            return failed(f.channelCode(), f.message());
        }
        RefundOutcome.Unknown u = (RefundOutcome.Unknown) outcome;
        return new RefundAnswer(RefundAnswer.Outcome.UNKNOWN, null, 0, u.channelCode(), u.message());
    }

    private static RefundAnswer failed(String code, String message) {
        return new RefundAnswer(RefundAnswer.Outcome.FAILED, null, 0, code, message);
    }
}
