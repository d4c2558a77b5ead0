package com.aggpay.router.admin;

import com.aggpay.router.routing.Strategy;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Routing policies: the platform default (stored as mch_no {@code '*'}, addressed as {@code default}) and the
 * merchants' own. A merchant without its own policy follows the default.
 */
@Service
class ConfigureRouting {

    static final String DEFAULT = "default";
    private static final String STORED_DEFAULT = "*";
    private static final Set<String> FIELDS = Set.of("strategy", "min_sample", "exploration_share");
    private static final Pattern STRATEGY = Pattern.compile(Arrays.stream(Strategy.values()).map(Enum::name)
            .collect(Collectors.joining("|")));
    private static final int MAX_MIN_SAMPLE = 100_000;
    /** exploration_share is DECIMAL(5,4) */
    private static final int SHARE_SCALE = 4;

    private final AdminRoutingRows policies;
    private final AdminAudit audit;
    private final Clock clock;

    ConfigureRouting(AdminRoutingRows policies, AdminAudit audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    RoutingPolicyView of(String mchNo) {
        String key = key(mchNo);
        PolicyRow own = policies.find(key);
        if (own != null) {
            return view(mchNo, own, false);
        }
        PolicyRow platform = policies.find(STORED_DEFAULT);
        if (platform == null) {
            // The same fallback the router routes with when even the default row is missing (store.RoutingPolicies).
            return new RoutingPolicyView(mchNo, Strategy.FIXED_PRIORITY.name(), 0, BigDecimal.ZERO, true, null);
        }
        return view(mchNo, platform, true);
    }

    @Transactional
    RoutingPolicyView put(String mchNo, JsonNode json, String operator) {
        String key = key(mchNo);
        JsonFields body = JsonFields.of(json, FIELDS);
        String strategy = body.string("strategy", STRATEGY, "must be one of " + STRATEGY.pattern().replace("|", ", "));
        int minSample = (int) body.integer("min_sample", 0, MAX_MIN_SAMPLE);
        BigDecimal share = body.decimal("exploration_share", BigDecimal.ZERO, BigDecimal.ONE, SHARE_SCALE);
        PolicyRow before = policies.lock(key);
        policies.put(key, strategy, minSample, share, LocalDateTime.now(clock));
        PolicyRow after = policies.lock(key);
        if (before == null || !before.asMap().equals(after.asMap())) {
            audit.changed(operator, before == null ? "ROUTING_POLICY_CREATED" : "ROUTING_POLICY_UPDATED",
                    "routing:" + mchNo, before == null ? null : before.asMap(), after.asMap());
        }
        return view(mchNo, after, false);
    }

    /** The merchant goes back to the platform default. */
    @Transactional
    void remove(String mchNo, String operator) {
        String key = key(mchNo);
        if (key.equals(STORED_DEFAULT)) {
            throw JsonFields.invalid("mch_no", "cannot be the platform default: change it instead of removing it");
        }
        PolicyRow before = policies.lock(key);
        if (before != null) {
            policies.delete(key);
            audit.changed(operator, "ROUTING_POLICY_REMOVED", "routing:" + mchNo, before.asMap(), null);
        }
    }

    private static String key(String mchNo) {
        if (DEFAULT.equals(mchNo)) {
            return STORED_DEFAULT;
        }
        ConfigureContracts.requireMchNo(mchNo);
        return mchNo;
    }

    private static RoutingPolicyView view(String mchNo, PolicyRow row, boolean inherited) {
        return new RoutingPolicyView(mchNo, row.strategy(), row.minSample(), row.explorationShare(), inherited,
                ChannelConfig.utc(row.updatedAt()));
    }
}
