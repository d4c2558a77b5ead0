package com.aggpay.order.portal;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.database.ReplicaReads;
import com.aggpay.order.reconciliation.ShanghaiDay;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.statement.domain.StatementCsv;
import com.aggpay.order.statement.domain.StatementLine;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A merchant's statement of one day over all its apps: the same lines, fee rule and CSV as the merchant API's
 * per-app statement ({@link StatementCsv}), selected by {@code mch_no} instead of {@code app_id}.
 */
@Component
class MerchantStatement {

    private static final Logger log = LoggerFactory.getLogger(MerchantStatement.class);

    private final JdbcTemplate jdbc;
    private final ChannelBillClient router;

    MerchantStatement(JdbcTemplate jdbc, ChannelBillClient router) {
        this.jdbc = jdbc;
        this.router = router;
    }

    String csv(String mchNo, ShanghaiDay day) {
        // from the read replica: a day's statement is asked for after the day, long past any replica delay
        List<StatementLine> lines = ReplicaReads.call(() -> lines(mchNo, day));
        // orders carry the rate they were taken at; the router is asked only for orders from before that
        Map<String, Integer> rates = lines.stream().allMatch(l -> l.feeRatePpm() != null) ? Map.of() : rates();
        String csv;
        try {
            csv = StatementCsv.render(mchNo, day.day(), lines, rates);
        } catch (IllegalArgumentException e) {
            log.warn("statement of {} for merchant {} not priced: {}", day.day(), mchNo, e.getMessage());
            throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "Fee rates are not available; try again.");
        }
        // StatementCsv's first line names an app; this statement is the merchant's (mch_no is [A-Za-z0-9_-] only)
        return "# statement of merchant " + mchNo + " (all apps) for " + day.day() + " (Asia/Shanghai); amounts in fen"
                + csv.substring(csv.indexOf('\n'));
    }

    private List<StatementLine> lines(String mchNo, ShanghaiDay day) {
        List<StatementLine> lines = new ArrayList<>(jdbc.query("SELECT pay_order_id, mch_order_no, channel, pay_way,"
                        + " amount, paid_at, fee_rate_ppm FROM pay_order WHERE mch_no = ? AND state = 'SUCCESS'"
                        + " AND paid_at >= ? AND paid_at < ?",
                (rs, i) -> new StatementLine(StatementLine.Type.PAYMENT, rs.getString("pay_order_id"),
                        rs.getString("mch_order_no"), null, null, rs.getString("channel"), rs.getString("pay_way"),
                        rs.getLong("amount"), time(rs, "paid_at"), rate(rs)),
                mchNo, day.from(), day.to()));
        lines.addAll(jdbc.query("SELECT r.refund_id, r.pay_order_id, o.mch_order_no, r.mch_refund_no, r.channel,"
                        + " o.pay_way, r.amount, r.succeeded_at, o.fee_rate_ppm FROM refund r JOIN pay_order o"
                        + " ON o.pay_order_id = r.pay_order_id WHERE r.mch_no = ? AND r.state = 'SUCCESS'"
                        + " AND r.succeeded_at >= ? AND r.succeeded_at < ?",
                (rs, i) -> new StatementLine(StatementLine.Type.REFUND, rs.getString("pay_order_id"),
                        rs.getString("mch_order_no"), rs.getString("refund_id"), rs.getString("mch_refund_no"),
                        rs.getString("channel"), rs.getString("pay_way"), rs.getLong("amount"),
                        time(rs, "succeeded_at"), rate(rs)),
                mchNo, day.from(), day.to()));
        lines.sort(Comparator.comparing(StatementLine::time).thenComparing(StatementLine::payOrderId));
        return lines;
    }

    private Map<String, Integer> rates() {
        try {
            return router.feeRates().stream()
                    .collect(Collectors.toMap(ChannelFeeRate::channel, ChannelFeeRate::feeRatePpm, (a, b) -> a));
        } catch (RuntimeException e) {
            log.warn("fee rates not had from the router: {}", e.toString());
            throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "Fee rates are not available; try again.");
        }
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(ShanghaiDay.ZONE).toOffsetDateTime();
    }

    private static Integer rate(ResultSet rs) throws SQLException {
        int rate = rs.getInt("fee_rate_ppm");
        return rs.wasNull() ? null : rate;
    }
}
