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
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Loads channel instances and opens their sealed credentials; the callback URL is derived, never stored. */
@Component
public class ChannelInstances {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
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
                r.getPriority(), r.getWeight(), r.getFeeRatePpm(), r.getDailyCap())).toList();
    }

    public List<ChannelInstanceRow> all() {
        return rows.selectList(null);
    }

    public String seal(Map<String, String> credentials) {
        return secrets.seal(json.writeValueAsString(credentials));
    }

    private ChannelInstance toInstance(ChannelInstanceRow r) {
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
