package com.aggpay.simulator.alipay;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Alipay's RSA2 sign content: the parameters sorted by name, empty values and the excluded names dropped. */
final class AliSign {

    /** Requests exclude only {@code sign}; notifications exclude {@code sign} and {@code sign_type}. */
    static final Set<String> REQUEST_EXCLUDED = Set.of("sign");
    static final Set<String> NOTIFY_EXCLUDED = Set.of("sign", "sign_type");

    private AliSign() {
    }

    static String content(Map<String, String> params, Set<String> excluded) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (value != null && !value.isEmpty() && !excluded.contains(name)) {
                s.append(s.isEmpty() ? "" : "&").append(name).append('=').append(value);
            }
        });
        return s.toString();
    }
}
