package com.aggpay.router.health;

import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.store.ChannelInstanceRow;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.util.Comparator;
import java.util.List;
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

    public ChannelHealthController(ChannelInstances channels, HealthWindows health, ChannelCircuits circuits,
                                   DailyQuota quota) {
        this.channels = channels;
        this.health = health;
        this.circuits = circuits;
        this.quota = quota;
    }

    @GetMapping("/api/admin/channels")
    public List<ChannelHealthView> channels(@RequestHeader(value = "X-Aggpay-Operator", required = false)
                                            String operator) {
        if (operator == null || operator.isBlank()) {
            throw new ApiException(ErrorCode.OPERATOR_UNAUTHENTICATED, "Operator calls come through the gateway.");
        }
        return channels.all().stream().sorted(Comparator.comparing(ChannelInstanceRow::getName)).map(this::view)
                .toList();
    }

    private ChannelHealthView view(ChannelInstanceRow row) {
        HealthWindows.ChannelHealthSnapshot s = health.snapshot(row.getName());
        return new ChannelHealthView(row.getName(), row.getType(), row.getAccountId(), row.isEnabled(),
                row.getPriority(), row.getWeight(), row.getFeeRatePpm(), s.samples(), s.successRate(), s.p50Ms(),
                s.p95Ms(), s.p99Ms(), circuits.state(row.getName()).name(), quota.usedToday(row.getName()),
                row.getDailyCap());
    }
}
