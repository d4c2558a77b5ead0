package com.aggpay.order.portal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One merchant's day (Asia/Shanghai) at a glance. Orders are counted on the day they were created; payments on the
 * day they were paid (an order created at 23:59 and paid at 00:01 is paid volume of the next day).
 *
 * @param orderCount   orders created that day
 * @param successCount of those, the ones paid by now
 * @param successRate  successCount / orderCount, 4 decimals; null when no order was created
 * @param paidCount    payments that day
 * @param paidAmount   their sum, minor units of {@code currency}
 * @param byHour       paid volume per hour of the day (0 = 00:00-00:59) and pay way; only hours with payments
 */
public record PortalDashboard(String date, String currency, long orderCount, long successCount,
                              BigDecimal successRate, long paidCount, long paidAmount, List<PayWayStats> byPayWay,
                              List<HourStats> byHour) {

    public record PayWayStats(String payWay, long orderCount, long successCount, BigDecimal successRate,
                              long paidCount, long paidAmount) {
    }

    public record HourStats(int hour, String payWay, long paidCount, long paidAmount) {
    }
}
