package com.aggpay.router.health;

import com.aggpay.router.admin.AdminAudit;
import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.store.ChannelInstanceRow;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/channels}: every channel instance with its health as operators watch it — recent success
 * rate and latency percentiles, circuit state, today's quota used against the cap. The same numbers are Prometheus
 * metrics ({@code aggpay_channel_*}, {@code resilience4j_circuitbreaker_*}).
 */
@RestController
public class ChannelHealthController {

    /** One channel's health; {@code daily_cap} null = no cap. */
    public record ChannelHealthView(String name, String type, String accountId, boolean enabled, int priority,
                                    int weight, int feeRatePpm, int samples, double successRate, long latencyP50Ms,
                                    long latencyP95Ms, long latencyP99Ms, String circuitState, long quotaUsedToday,
                                    Long dailyCap) {
    }

    private final ChannelInstances channels;
    private final HealthWindows health;
    private final ChannelCircuits circuits;
    private final DailyQuota quota;
    private final AdminAudit audit;

    public ChannelHealthController(ChannelInstances channels, HealthWindows health, ChannelCircuits circuits,
                                   DailyQuota quota, AdminAudit audit) {
        this.channels = channels;
        this.health = health;
        this.circuits = circuits;
        this.quota = quota;
        this.audit = audit;
    }

    @GetMapping("/api/admin/channels")
    public List<ChannelHealthView> channels() {
        return channels.all().stream().sorted(Comparator.comparing(ChannelInstanceRow::getName)).map(this::view)
                .toList();
    }

    /** Closes a channel's circuit by hand (after a fix, rather than waiting for the half-open probes). Audited. */
    @org.springframework.web.bind.annotation.PostMapping("/api/admin/channels/{name}/circuit/reset")
    public ChannelHealthView resetCircuit(@org.springframework.web.bind.annotation.PathVariable String name,
                                          @RequestHeader("X-Aggpay-Operator") String operator) {
        // the operator header is required for every /api/admin/** call (ServiceAuthFilter, contracts)
        ChannelInstanceRow row = channels.all().stream().filter(r -> r.getName().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.CHANNEL_UNKNOWN, "No channel " + name + "."));
        String before = circuits.state(name).name();
        circuits.reset(name);
        audit.acted(operator, "CIRCUIT_RESET", "channel:" + name, Map.of("circuit_state", before),
                Map.of("circuit_state", circuits.state(name).name()));
        return view(row);
    }

    private ChannelHealthView view(ChannelInstanceRow row) {
        HealthWindows.ChannelHealthSnapshot s = health.snapshot(row.getName());
        return new ChannelHealthView(row.getName(), row.getType(), row.getAccountId(), row.isEnabled(),
                row.getPriority(), row.getWeight(), row.getFeeRatePpm(), s.samples(), s.successRate(), s.p50Ms(),
                s.p95Ms(), s.p99Ms(), circuits.state(row.getName()).name(), quota.usedToday(row.getName()),
                row.getDailyCap());
    }
}
