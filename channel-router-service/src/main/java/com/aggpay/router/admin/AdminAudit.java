package com.aggpay.router.admin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Operators' changes on {@code aggpay.audit}: who, what, and the fields that changed with their values before and
 * after. Callers pass only configuration fields; credentials never reach this class.
 */
@Component
class AdminAudit {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    /** @param before null when the thing was created */
    void changed(String operator, String event, String target, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new TreeMap<>();
        Map<String, Object> now = new TreeMap<>();
        after.forEach((field, value) -> {
            Object old = before == null ? null : before.get(field);
            if (before == null || !Objects.equals(old, value)) {
                was.put(field, old);
                now.put(field, value);
            }
        });
        audit.info("event={} operator={} target={} before={} after={}", event, operator, target,
                before == null ? "-" : was, now);
    }
}
