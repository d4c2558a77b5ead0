package com.aggpay.order.audit;

import com.aggpay.contracts.http.AggpayHeaders;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code operator_audit} table: one row per operator action, with the state before and after as JSON. The
 * request id joins the row to the gateway's and the service's logs of the same call.
 */
@Component
public class OperatorAudit {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public OperatorAudit(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @param before what the target looked like before the action ({@code null}: it did not exist) */
    public void record(String operator, String action, String target, Object before, Object after) {
        jdbc.update("INSERT INTO operator_audit (occurred_at, operator, action, target, before_json, after_json, "
                        + "request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), operator, action, target, write(before), write(after),
                MDC.get(AggpayHeaders.MDC_REQUEST_ID));
    }

    private String write(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
