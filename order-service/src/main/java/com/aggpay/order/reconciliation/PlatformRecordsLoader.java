package com.aggpay.order.reconciliation;

import com.aggpay.order.reconciliation.domain.BillLine;
import com.aggpay.order.reconciliation.domain.Kind;
import com.aggpay.order.reconciliation.domain.PlatformAttempt;
import com.aggpay.order.reconciliation.domain.PlatformPayment;
import com.aggpay.order.reconciliation.domain.PlatformRecords;
import com.aggpay.order.reconciliation.domain.PlatformRefund;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what {@link com.aggpay.order.reconciliation.domain.Reconcile} needs: the SUCCESS orders and refunds of the
 * day on the channel, and every order, attempt and refund the bill names. Read-only: reconciliation changes nothing.
 */
@Component
class PlatformRecordsLoader {

    /** Bills can be long; IN lists stay bounded. */
    private static final int CHUNK = 500;
    private static final String PAYMENT_COLUMNS = "pay_order_id, out_trade_no, channel, amount, state, paid_at";
    private static final String REFUND_COLUMNS =
            "refund_id, pay_order_id, out_refund_no, channel, amount, state, succeeded_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final RefundTable refundTable;

    PlatformRecordsLoader(NamedParameterJdbcTemplate jdbc, RefundTable refundTable) {
        this.jdbc = jdbc;
        this.refundTable = refundTable;
    }

    PlatformRecords load(String channel, ShanghaiDay day, List<BillLine> bill) {
        return new PlatformRecords(payments(channel, day, bill), attempts(bill), refunds(channel, day, bill));
    }

    private List<PlatformPayment> payments(String channel, ShanghaiDay day, List<BillLine> bill) {
        Map<String, PlatformPayment> byTrade = new LinkedHashMap<>();
        jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM pay_order WHERE channel = :channel AND state = 'SUCCESS'"
                        + " AND paid_at >= :from AND paid_at < :to", window(channel, day),
                (ResultSet rs) -> { addPayment(byTrade, rs, day); });
        for (List<String> chunk : chunks(numbers(bill, Kind.PAYMENT, true))) {
            jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM pay_order WHERE out_trade_no IN (:numbers)",
                    new MapSqlParameterSource("numbers", chunk), (ResultSet rs) -> { addPayment(byTrade, rs, day); });
        }
        return List.copyOf(byTrade.values());
    }

    private List<PlatformAttempt> attempts(List<BillLine> bill) {
        List<PlatformAttempt> found = new ArrayList<>();
        for (List<String> chunk : chunks(numbers(bill, Kind.PAYMENT, true))) {
            found.addAll(jdbc.query("SELECT a.pay_order_id, a.out_trade_no, a.channel FROM pay_attempt a"
                            + " JOIN pay_order o ON o.pay_order_id = a.pay_order_id"
                            + " WHERE a.out_trade_no IN (:numbers) AND (o.out_trade_no IS NULL"
                            + " OR o.out_trade_no <> a.out_trade_no)", new MapSqlParameterSource("numbers", chunk),
                    (rs, i) -> new PlatformAttempt(rs.getString(1), rs.getString(2), rs.getString(3))));
        }
        return found;
    }

    private List<PlatformRefund> refunds(String channel, ShanghaiDay day, List<BillLine> bill) {
        if (!refundTable.exists()) {
            return List.of();
        }
        Map<String, PlatformRefund> byNumber = new LinkedHashMap<>();
        jdbc.query("SELECT " + REFUND_COLUMNS + " FROM refund WHERE channel = :channel AND state = 'SUCCESS'"
                        + " AND succeeded_at >= :from AND succeeded_at < :to", window(channel, day),
                (ResultSet rs) -> { addRefund(byNumber, rs, day); });
        for (List<String> chunk : chunks(numbers(bill, Kind.REFUND, false))) {
            jdbc.query("SELECT " + REFUND_COLUMNS + " FROM refund WHERE out_refund_no IN (:numbers)",
                    new MapSqlParameterSource("numbers", chunk), (ResultSet rs) -> { addRefund(byNumber, rs, day); });
        }
        return List.copyOf(byNumber.values());
    }

    private static void addPayment(Map<String, PlatformPayment> into, ResultSet rs, ShanghaiDay day)
            throws SQLException {
        String state = rs.getString("state");
        into.putIfAbsent(rs.getString("out_trade_no"), new PlatformPayment(rs.getString("pay_order_id"),
                rs.getString("out_trade_no"), rs.getString("channel"), rs.getLong("amount"), state,
                "SUCCESS".equals(state) && day.contains(time(rs, "paid_at"))));
    }

    private static void addRefund(Map<String, PlatformRefund> into, ResultSet rs, ShanghaiDay day)
            throws SQLException {
        String state = rs.getString("state");
        into.putIfAbsent(rs.getString("out_refund_no"), new PlatformRefund(rs.getString("refund_id"),
                rs.getString("pay_order_id"), rs.getString("out_refund_no"), rs.getString("channel"),
                rs.getLong("amount"), state, "SUCCESS".equals(state) && day.contains(time(rs, "succeeded_at"))));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        // the stored wall time, UTC by convention; never shifted by the JVM's zone
        return rs.getObject(column, LocalDateTime.class);
    }

    private static MapSqlParameterSource window(String channel, ShanghaiDay day) {
        return new MapSqlParameterSource("channel", channel).addValue("from", day.from()).addValue("to", day.to());
    }

    private static Set<String> numbers(List<BillLine> bill, Kind kind, boolean tradeNumbers) {
        return bill.stream().filter(l -> l.kind() == kind)
                .map(l -> tradeNumbers ? l.outTradeNo() : l.outRefundNo())
                .filter(n -> n != null && !n.isBlank()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static List<List<String>> chunks(Set<String> numbers) {
        List<String> all = new ArrayList<>(numbers);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
