package com.aggpay.merchant.audit;

import com.aggpay.contracts.http.AggpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what an operator did in {@code operator_audit}, inside the caller's transaction when there is one, so the
 * change and its record commit or roll back together. The same line also goes to the {@code aggpay.audit} log.
 */
@Service
public class AuditTrail {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");

    private final OperatorAudits entries;
    private final JsonMapper json;

    public AuditTrail(OperatorAudits entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /**
     * @param before the state before the change as a record or map (snake_case JSON), null when there was none;
     *               never pass a secret, a password or a token
     * @param after  the state after it, null when there is none
     */
    @Transactional
    public void record(String operator, AuditAction action, String target, Object before, Object after) {
        OperatorAuditEntry entry = new OperatorAuditEntry();
        entry.setOperator(operator);
        entry.setAction(action);
        entry.setTarget(target);
        entry.setBeforeJson(before == null ? null : json.writeValueAsString(before));
        entry.setAfterJson(after == null ? null : json.writeValueAsString(after));
        entry.setRequestId(MDC.get(AggpayHeaders.MDC_REQUEST_ID));
        entries.insert(entry);
        audit.info("event=OPERATOR_ACTION operator={} action={} target={} audit_id={}", operator, action, target,
                entry.getId());
    }
}
