package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelInstance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** SDK clients per channel name, rebuilt when base URL, app_id or credentials change (keyed by a digest). */
final class AliClientCache {

    private record Entry(ChannelInstance source, String fingerprint, AliClients clients) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<ChannelInstance, AliClients> factory;

    AliClientCache(Function<ChannelInstance, AliClients> factory) {
        this.factory = factory;
    }

    AliClients get(ChannelInstance channel) {
        Entry entry = entries.get(channel.name());
        if (entry != null && entry.source() == channel) {
            return entry.clients(); // the very instance built from (ChannelInstances reuses it while its row is unchanged)
        }
        String fingerprint = fingerprint(channel);
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            return entry.clients();
        }
        return entries.compute(channel.name(), (name, current) ->
                current != null && current.fingerprint().equals(fingerprint) ? current
                        : new Entry(channel, fingerprint, factory.apply(channel))).clients();
    }

    private static String fingerprint(ChannelInstance channel) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((channel.apiBaseUrl() + '\n' + channel.accountId() + '\n').getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(channel.credentials()).forEach((k, v) ->
                    digest.update((k + '=' + v + '\n').getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
