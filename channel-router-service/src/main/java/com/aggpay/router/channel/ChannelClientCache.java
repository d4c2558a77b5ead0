package com.aggpay.router.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An adapter's SDK objects per channel name (key parsing and client set-up are too slow to repeat per call), rebuilt
 * when the channel's base URL, account or credentials change (a key rotation). Keyed by a digest, so no secret is
 * kept twice; the instance they were built from is recognised by identity first, since {@code ChannelInstances}
 * hands out the same object while its row is unchanged.
 *
 * @param <C> the adapter's bundle of SDK objects
 */
public final class ChannelClientCache<C> {

    private record Entry<C>(ChannelInstance source, String fingerprint, C clients) {
    }

    private final Map<String, Entry<C>> entries = new ConcurrentHashMap<>();
    private final Function<ChannelInstance, C> factory;

    public ChannelClientCache(Function<ChannelInstance, C> factory) {
        this.factory = factory;
    }

    public C get(ChannelInstance channel) {
        Entry<C> entry = entries.get(channel.name());
        if (entry != null && entry.source() == channel) {
            return entry.clients();
        }
        String fingerprint = fingerprint(channel);
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            return entry.clients();
        }
        return entries.compute(channel.name(), (name, current) ->
                current != null && current.fingerprint().equals(fingerprint) ? current
                        : new Entry<>(channel, fingerprint, factory.apply(channel))).clients();
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
