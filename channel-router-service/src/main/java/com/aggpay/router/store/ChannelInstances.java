package com.aggpay.router.store;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.router.RouterProperties;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads channel instances and opens their sealed credentials; the callback URL is derived, never stored.
 *
 * <p>Rows are read on every placement (an operator's change applies to the next order, on every instance), but
 * a row is opened (decrypted and parsed) only when it differs from the one opened last for that channel: the same
 * row yields the same {@link ChannelInstance} object, so the adapters' SDK caches can recognise it by identity.
 * Sealing uses a fresh nonce, so a credential rotation always changes the sealed text and reopens the row.
 */
@Component
public class ChannelInstances {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    /** Everything of a row that goes into its {@link ChannelInstance}. */
    private record Source(String type, String accountId, String payWays, boolean enabled, String apiBaseUrl,
                          String credentialsEnc) {

        static Source of(ChannelInstanceRow r) {
            return new Source(r.getType(), r.getAccountId(), r.getPayWays(), r.isEnabled(), r.getApiBaseUrl(),
                    r.getCredentialsEnc());
        }
    }

    private record Opened(Source source, ChannelInstance instance) {
    }

    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final ChannelInstanceRows rows;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final RouterProperties properties;

    public ChannelInstances(ChannelInstanceRows rows, SecretBox secrets, JsonMapper json, RouterProperties properties) {
        this.rows = rows;
        this.secrets = secrets;
        this.json = json;
        this.properties = properties;
    }

    public Optional<ChannelInstance> find(String name) {
        return Optional.ofNullable(rows.selectById(name)).map(this::toInstance);
    }

    /** The merchant's usable channels for this amount (contract, enabled, per-transaction limits). */
    public List<RoutableChannel> contractedFor(String mchNo, long amount) {
        return rows.findContracted(mchNo, amount).stream().map(r -> new RoutableChannel(toInstance(r),
                r.getPriority(), r.getWeight(), r.getFeeRatePpm(), r.getDailyCap(), r.getMerchantDailyCap())).toList();
    }

    public List<ChannelInstanceRow> all() {
        return rows.selectList(null);
    }

    public String seal(Map<String, String> credentials) {
        return secrets.seal(json.writeValueAsString(credentials));
    }

    private ChannelInstance toInstance(ChannelInstanceRow r) {
        Source source = Source.of(r);
        Opened last = opened.get(r.getName());
        if (last != null && last.source().equals(source)) {
            return last.instance();
        }
        ChannelInstance instance = open(r);
        opened.put(r.getName(), new Opened(source, instance));
        return instance;
    }

    private ChannelInstance open(ChannelInstanceRow r) {
        Map<String, String> credentials = json.readValue(secrets.open(r.getCredentialsEnc()), MAP);
        return new ChannelInstance(r.getName(), ChannelType.valueOf(r.getType()), r.getAccountId(),
                payWays(r.getPayWays()), r.isEnabled(), r.getApiBaseUrl(),
                properties.publicBaseUrl() + "/api/v1/channel-notify/" + r.getName(), Map.copyOf(credentials));
    }

    static Set<PayWay> payWays(String csv) {
        Set<PayWay> ways = EnumSet.noneOf(PayWay.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(PayWay::valueOf)
                .forEach(ways::add);
        return ways;
    }

    public static String payWaysCsv(Set<PayWay> ways) {
        return ways.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
