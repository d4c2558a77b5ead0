package com.aggpay.order.reconciliation;

import com.aggpay.order.reconciliation.domain.Reconciliation;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stored reports: one per channel and day; a re-run replaces the earlier report and its lines in one transaction. */
@Component
class ReconciliationReports {

    private final JdbcTemplate jdbc;

    ReconciliationReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replace(String channel, LocalDate day, Reconciliation result, int billLines, LocalDateTime now) {
        // FOR UPDATE serialises two runs of the same channel and day: the second replaces the first, never interleaves
        List<Long> old = jdbc.queryForList("SELECT id FROM reconciliation_report WHERE channel = ? AND day = ?"
                + " FOR UPDATE", Long.class, channel, day);
        for (Long id : old) {
            jdbc.update("DELETE FROM reconciliation_discrepancy WHERE report_id = ?", id);
            jdbc.update("DELETE FROM reconciliation_report WHERE id = ?", id);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO reconciliation_report (channel, day, matched_count,"
                    + " matched_amount, bill_lines, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, channel);
            ps.setObject(2, day);
            ps.setInt(3, result.matchedCount());
            ps.setLong(4, result.matchedAmount());
            ps.setInt(5, billLines);
            ps.setObject(6, now);
            return ps;
        }, key);
        long reportId = key.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO reconciliation_discrepancy (report_id, type, kind, out_trade_no, out_refund_no,"
                        + " pay_order_id, platform_amount, channel_amount, platform_state, channel_status, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", result.discrepancies(), 500,
                (ps, d) -> {
                    ps.setLong(1, reportId);
                    ps.setString(2, d.type().name());
                    ps.setString(3, d.kind().name());
                    ps.setString(4, d.outTradeNo());
                    ps.setString(5, d.outRefundNo());
                    ps.setString(6, d.payOrderId());
                    ps.setObject(7, d.platformAmount());
                    ps.setObject(8, d.channelAmount());
                    ps.setString(9, d.platformState());
                    ps.setString(10, truncate(d.channelStatus(), 32));
                    ps.setString(11, truncate(d.note(), 255));
                });
    }

    public Optional<ReconciliationView> find(String channel, LocalDate day) {
        List<ReconciliationView> reports = jdbc.query("SELECT id, matched_count, matched_amount, bill_lines,"
                + " created_at FROM reconciliation_report WHERE channel = ? AND day = ?", (rs, i) -> {
                    long id = rs.getLong("id");
                    return new ReconciliationView(channel, day.toString(), rs.getInt("matched_count"),
                            rs.getLong("matched_amount"), rs.getInt("bill_lines"),
                            rs.getObject("created_at", LocalDateTime.class).atOffset(ZoneOffset.UTC)
                                    .atZoneSameInstant(ShanghaiDay.ZONE).toOffsetDateTime().toString(),
                            lines(id));
                }, channel, day);
        return reports.stream().findFirst();
    }

    private List<ReconciliationView.Line> lines(long reportId) {
        return jdbc.query("SELECT * FROM reconciliation_discrepancy WHERE report_id = ? ORDER BY id",
                (rs, i) -> new ReconciliationView.Line(rs.getString("type"), rs.getString("kind"),
                        rs.getString("out_trade_no"), rs.getString("out_refund_no"), rs.getString("pay_order_id"),
                        rs.getObject("platform_amount", Long.class), rs.getObject("channel_amount", Long.class),
                        rs.getString("platform_state"), rs.getString("channel_status"), rs.getString("note")),
                reportId);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
