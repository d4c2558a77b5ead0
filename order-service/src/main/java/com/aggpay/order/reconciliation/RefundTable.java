package com.aggpay.order.reconciliation;

import java.sql.ResultSet;
import org.springframework.jdbc.core.ConnectionCallback;
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
        // the driver's catalogue rather than information_schema: on shards ShardingSphere answers it for the logical
        // database (it cannot run DATABASE() on the shards' behalf)
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "refund",
                    new String[] {"TABLE"})) {
                return tables.next();
            }
        }));
    }
}
