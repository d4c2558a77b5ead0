package com.aggpay.simulator.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Faults set through {@code /_sim/faults}, per upstream account; several modes may be active at once. */
@Component
public class Faults {

    private final Map<String, Map<FaultMode, Fault>> byAccount = new ConcurrentHashMap<>();

    public void set(Fault fault) {
        byAccount.compute(fault.account(), (account, modes) -> {
            Map<FaultMode, Fault> copy = modes == null ? new EnumMap<>(FaultMode.class) : new EnumMap<>(modes);
            copy.put(fault.mode(), fault);
            return copy;
        });
    }

    public void clear() {
        byAccount.clear();
    }

    /** Whether this call is hit by the mode: each call draws against the fault's rate on its own. */
    public boolean hits(String account, FaultMode mode) {
        Fault fault = fault(account, mode);
        return fault != null && ThreadLocalRandom.current().nextDouble() < fault.rate();
    }

    public Fault fault(String account, FaultMode mode) {
        Map<FaultMode, Fault> modes = account == null ? null : byAccount.get(account);
        return modes == null ? null : modes.get(mode);
    }

    public List<Fault> all() {
        List<Fault> all = new ArrayList<>();
        byAccount.values().forEach(modes -> all.addAll(modes.values()));
        return all;
    }
}
