package com.aggpay.router.admin;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/audit?target=&limit=}: the router's newest operator actions, optionally for one target
 * ({@code channel:<name>}, {@code contract:<mch_no>/<channel>}, {@code routing:<mch_no>}). Like every
 * {@code /api/admin/**} call it needs the operator header (ServiceAuthFilter, contracts).
 */
@RestController
class AuditAdminController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One action; {@code before} null for a creation, {@code after} null for a removal. */
    record AuditEntry(long id, OffsetDateTime occurredAt, String operator, String action, String target,
                      JsonNode before, JsonNode after, String requestId) {
    }

    private final AdminAuditRows rows;

    AuditAdminController(AdminAuditRows rows) {
        this.rows = rows;
    }

    @GetMapping("/api/admin/audit")
    List<AuditEntry> audit(@RequestParam(name = "target", required = false) String target,
                           @RequestParam(name = "limit", required = false) String limit) {
        int n = limit(limit);
        if (target != null && (target.isBlank() || target.length() > 128)) {
            throw JsonFields.invalid("target", "must be 1-128 characters");
        }
        List<AdminAuditRows.AuditRow> found = target == null ? rows.newest(n) : rows.newestFor(target, n);
        return found.stream().map(AuditAdminController::entry).toList();
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw JsonFields.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static AuditEntry entry(AdminAuditRows.AuditRow row) {
        return new AuditEntry(row.id(), ChannelConfig.utc(row.occurredAt()), row.operator(), row.action(),
                row.target(), tree(row.beforeJson()), tree(row.afterJson()), row.requestId());
    }

    private static JsonNode tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
