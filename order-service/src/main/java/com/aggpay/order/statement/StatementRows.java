package com.aggpay.order.statement;

import com.aggpay.order.database.ReplicaReads;
import com.aggpay.order.reconciliation.RefundTable;
import com.aggpay.order.reconciliation.ShanghaiDay;
import com.aggpay.order.statement.domain.StatementLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The app's payments (paid that day) and refunds (succeeded that day), oldest first; read from the read replica
 * ({@link ReplicaReads}): a day's statement is asked for after the day, long past any replica delay.
 */
@Component
class StatementRows {

    private final JdbcTemplate jdbc;
    private final RefundTable refundTable;

    StatementRows(JdbcTemplate jdbc, RefundTable refundTable) {
        this.jdbc = jdbc;
        this.refundTable = refundTable;
    }

    List<StatementLine> of(String appId, ShanghaiDay day) {
        return ReplicaReads.call(() -> read(appId, day));
    }

    private List<StatementLine> read(String appId, ShanghaiDay day) {
        List<StatementLine> lines = new ArrayList<>(jdbc.query("SELECT pay_order_id, mch_order_no, channel, pay_way,"
                        + " amount, paid_at, fee_rate_ppm FROM pay_order WHERE app_id = ? AND state = 'SUCCESS'"
                        + " AND paid_at >= ? AND paid_at < ?",
                (rs, i) -> new StatementLine(StatementLine.Type.PAYMENT, rs.getString("pay_order_id"),
                        rs.getString("mch_order_no"), null, null, rs.getString("channel"), rs.getString("pay_way"),
                        rs.getLong("amount"), time(rs, "paid_at"), rate(rs)),
                appId, day.from(), day.to()));
        if (refundTable.exists()) {
            lines.addAll(jdbc.query("SELECT r.refund_id, r.pay_order_id, o.mch_order_no, r.mch_refund_no, r.channel,"
                            + " o.pay_way, r.amount, r.succeeded_at, o.fee_rate_ppm FROM refund r JOIN pay_order o"
                            + " ON o.pay_order_id = r.pay_order_id WHERE r.app_id = ? AND r.state = 'SUCCESS'"
                            + " AND r.succeeded_at >= ? AND r.succeeded_at < ?",
                    (rs, i) -> new StatementLine(StatementLine.Type.REFUND, rs.getString("pay_order_id"),
                            rs.getString("mch_order_no"), rs.getString("refund_id"), rs.getString("mch_refund_no"),
                            rs.getString("channel"), rs.getString("pay_way"), rs.getLong("amount"),
                            time(rs, "succeeded_at"), rate(rs)),
                    appId, day.from(), day.to()));
        }
        lines.sort(Comparator.comparing(StatementLine::time).thenComparing(StatementLine::payOrderId));
        return lines;
    }

    private static java.time.OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(ShanghaiDay.ZONE).toOffsetDateTime();
    }

    private static Integer rate(java.sql.ResultSet rs) throws java.sql.SQLException {
        int rate = rs.getInt("fee_rate_ppm");
        return rs.wasNull() ? null : rate;
    }
}
