package com.aggpay.simulator.fault;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /_sim/faults}, {@code DELETE /_sim/faults} (API.md). */
@RestController
public class FaultController {

    private final Faults faults;

    public FaultController(Faults faults) {
        this.faults = faults;
    }

    @PostMapping("/_sim/faults")
    public ResponseEntity<Map<String, Object>> set(@RequestBody Map<String, Object> body) {
        Object account = body.get("account");
        Object mode = body.get("mode");
        if (!(account instanceof String a) || a.isBlank() || !(mode instanceof String m)) {
            return ResponseEntity.badRequest().body(Map.of("error", "account and mode are required"));
        }
        FaultMode faultMode;
        try {
            faultMode = FaultMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown mode " + m));
        }
        double rate = body.get("rate") instanceof Number n ? n.doubleValue() : 1.0;
        long latency = body.get("latency_ms") instanceof Number n ? n.longValue() : 3000L;
        if (rate < 0 || rate > 1 || latency < 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "rate must be 0..1 and latency_ms >= 0"));
        }
        faults.set(new Fault(a, faultMode, rate, latency));
        return ResponseEntity.ok(Map.of("account", a, "mode", faultMode.name(), "rate", rate, "latency_ms", latency));
    }

    @DeleteMapping("/_sim/faults")
    public ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/_sim/faults")
    public List<Map<String, Object>> list() {
        return faults.all().stream()
                .map(f -> Map.<String, Object>of("account", f.account(), "mode", f.mode().name(), "rate", f.rate(),
                        "latency_ms", f.latencyMs()))
                .toList();
    }
}
