package com.aggpay.router.admin;

import com.aggpay.contracts.http.AggpayHeaders;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' actions: stored in {@code operator_audit} (who, when, what, the configuration before and after, the
 * request id) and logged on {@code aggpay.audit} with the fields that changed. Callers pass configuration fields
 * only; as a second guard, any field named like a credential is replaced by {@code <sealed>} before it is written.
 */
@Component
public class AdminAudit {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEALED = "<sealed>";

    private final AdminAuditRows rows;
    private final Clock clock;

    AdminAudit(AdminAuditRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * A configuration change, recorded in the transaction that makes it: the change and its record commit or roll
     * back together (called outside a transaction it throws, so no change can skip its record).
     *
     * @param before null when the thing was created
     * @param after  null when it was removed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void changed(String operator, String action, String target, Map<String, ?> before, Map<String, ?> after) {
        record(operator, action, target, before, after);
    }

    /** An action on runtime state, not on stored configuration (a circuit reset): recorded on its own. */
    @Transactional
    public void acted(String operator, String action, String target, Map<String, ?> before, Map<String, ?> after) {
        record(operator, action, target, before, after);
    }

    private void record(String operator, String action, String target, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = scrubbed(before);
        Map<String, Object> now = scrubbed(after);
        rows.insert(LocalDateTime.now(clock), operator, action, target, json(was), json(now), requestId());
        log(operator, action, target, was, now);
    }

    private static void log(String operator, String action, String target, Map<String, Object> before,
                            Map<String, Object> after) {
        Map<String, Object> was = new TreeMap<>();
        Map<String, Object> now = new TreeMap<>();
        if (after != null) {
            after.forEach((field, value) -> {
                Object old = before == null ? null : before.get(field);
                if (before == null || !Objects.equals(old, value)) {
                    was.put(field, old);
                    now.put(field, value);
                }
            });
        }
        audit.info("event={} operator={} target={} before={} after={}", action, operator, target,
                before == null ? "-" : after == null ? before : was, after == null ? "-" : now);
    }

    /** A copy with anything named like a credential (or the credentials themselves) shown only as sealed. */
    static Map<String, Object> scrubbed(Map<String, ?> fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((name, value) -> copy.put(name, credentialLike(name)
                && !(value instanceof String s && s.startsWith("<sealed")) ? SEALED : value));
        return copy;
    }

    private static boolean credentialLike(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("credentials") || n.endsWith("_key") || n.contains("secret") || n.contains("password")
                || n.contains("private");
    }

    private static String json(Map<String, Object> fields) {
        return fields == null ? null : JSON.writeValueAsString(fields);
    }

    private static String requestId() {
        String id = MDC.get(AggpayHeaders.MDC_REQUEST_ID);
        return id == null ? null : id.substring(0, Math.min(64, id.length()));
    }
}
