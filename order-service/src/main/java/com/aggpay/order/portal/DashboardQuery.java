package com.aggpay.order.portal;

import com.aggpay.order.database.ReplicaReads;
import com.aggpay.order.reconciliation.ShanghaiDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's two aggregate reads: orders created in the day (index {@code (mch_no, created_at, ...)}) and
 * payments made in it (index {@code (mch_no, paid_at)}), each grouped in the database, on the read replica
 * ({@link ReplicaReads}): a dashboard may lag the primary by the replica's delay.
 */
@Component
class DashboardQuery {

    /** The merchant API accepts CNY only (API.md), so every amount summed here is CNY. */
    static final String CURRENCY = "CNY";

    private record Created(String payWay, long orders, long succeeded) {
    }

    private record Paid(String payWay, int hour, long count, long amount) {
    }

    private final JdbcTemplate jdbc;

    DashboardQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PortalDashboard of(String mchNo, ShanghaiDay day) {
        return ReplicaReads.call(() -> read(mchNo, day));
    }

    private PortalDashboard read(String mchNo, ShanghaiDay day) {
        List<Created> created = jdbc.query("SELECT pay_way, COUNT(*) AS orders, SUM(state = 'SUCCESS') AS succeeded"
                        + " FROM pay_order WHERE mch_no = ? AND created_at >= ? AND created_at < ? GROUP BY pay_way",
                (rs, i) -> new Created(rs.getString("pay_way"), rs.getLong("orders"), rs.getLong("succeeded")),
                mchNo, day.from(), day.to());
        // hours counted from the day's start in UTC: exact for a zone whose offset is whole hours, as Shanghai's is
        List<Paid> paid = jdbc.query("SELECT pay_way, TIMESTAMPDIFF(HOUR, ?, paid_at) AS hour, COUNT(*) AS n,"
                        + " SUM(amount) AS amount FROM pay_order WHERE mch_no = ? AND paid_at >= ? AND paid_at < ?"
                        + " AND state = 'SUCCESS' GROUP BY pay_way, hour",
                (rs, i) -> new Paid(rs.getString("pay_way"), rs.getInt("hour"), rs.getLong("n"), rs.getLong("amount")),
                day.from(), mchNo, day.from(), day.to());
        return summarise(day, created, paid);
    }

    private static PortalDashboard summarise(ShanghaiDay day, List<Created> created, List<Paid> paid) {
        Map<String, long[]> byWay = new TreeMap<>(); // orders, succeeded, paid count, paid amount
        for (Created c : created) {
            long[] s = byWay.computeIfAbsent(c.payWay(), w -> new long[4]);
            s[0] += c.orders();
            s[1] += c.succeeded();
        }
        for (Paid p : paid) {
            long[] s = byWay.computeIfAbsent(p.payWay(), w -> new long[4]);
            s[2] += p.count();
            s[3] += p.amount();
        }
        List<PortalDashboard.PayWayStats> ways = new ArrayList<>();
        long[] total = new long[4];
        byWay.forEach((way, s) -> {
            ways.add(new PortalDashboard.PayWayStats(way, s[0], s[1], rate(s[1], s[0]), s[2], s[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += s[i];
            }
        });
        List<PortalDashboard.HourStats> hours = paid.stream()
                .map(p -> new PortalDashboard.HourStats(p.hour(), p.payWay(), p.count(), p.amount()))
                .sorted(Comparator.comparingInt(PortalDashboard.HourStats::hour)
                        .thenComparing(PortalDashboard.HourStats::payWay))
                .toList();
        return new PortalDashboard(day.day().toString(), CURRENCY, total[0], total[1], rate(total[1], total[0]),
                total[2], total[3], ways, hours);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
