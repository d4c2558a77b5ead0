package com.aggpay.order.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the {@code refund} table (refunds feature, migration V2) exists in this schema. Reconciliation and
 * statements were written beside that feature; they read refunds only when the table is there, so they keep working
 * on a schema without it. Asked each time: it is one cheap catalogue query per run or statement.
 */
@Component
public class RefundTable {

    private final JdbcTemplate jdbc;

    public RefundTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_name = 'refund'", Integer.class);
        return n != null && n > 0;
    }
}
