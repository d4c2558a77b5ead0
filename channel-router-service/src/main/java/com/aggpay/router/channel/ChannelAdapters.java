package com.aggpay.router.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The adapter of each channel type present in this build. */
@Component
public class ChannelAdapters {

    private final Map<ChannelType, ChannelAdapter> byType = new EnumMap<>(ChannelType.class);

    public ChannelAdapters(List<ChannelAdapter> adapters) {
        for (ChannelAdapter a : adapters) {
            if (byType.put(a.type(), a) != null) {
                throw new IllegalStateException("two adapters for " + a.type());
            }
        }
    }

    public Optional<ChannelAdapter> of(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** True when the channel's type has an adapter that can open this pay way. */
    public boolean canOpen(ChannelInstance channel, PayWay payWay) {
        return channel.payWays().contains(payWay) && of(channel.type()).map(a -> a.payWays().contains(payWay))
                .orElse(false);
    }
}
