package com.aggpay.router.trade;

import com.aggpay.router.channel.PayWay;
import com.aggpay.router.routing.Candidate;
import com.aggpay.router.routing.RoutingDecision;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.store.RoutableChannel;
import com.aggpay.router.store.RoutingPolicies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A merchant's usable channels for one pay way, best first, as the merchant's routing policy ranks them over recent
 * health: the pure {@link RoutingDecision} fed with what is stored. Trade placement and payer authorisation (which
 * must pick the channel whose app the later order will be paid through) rank alike.
 */
@Component
public class RankChannels {

    private final RoutingPolicies policies;
    private final HealthWindows health;

    public RankChannels(RoutingPolicies policies, HealthWindows health) {
        this.policies = policies;
        this.health = health;
    }

    public List<RoutableChannel> rank(List<RoutableChannel> usable, String mchNo, PayWay payWay) {
        Map<String, RoutableChannel> byName = usable.stream()
                .collect(Collectors.toMap(RoutableChannel::name, c -> c, (a, b) -> a));
        List<Candidate> candidates = usable.stream().map(c -> new Candidate(c.name(), c.priority(), c.weight(),
                c.feeRatePpm(), health.stats(c.name(), payWay.name()))).toList();
        // ThreadLocalRandom: no lock shared by all placements (the policy read used to sit inside one)
        List<Candidate> decided = RoutingDecision.order(candidates, policies.forMerchant(mchNo),
                ThreadLocalRandom.current());
        return decided.stream().map(c -> byName.get(c.channel())).toList();
    }
}
