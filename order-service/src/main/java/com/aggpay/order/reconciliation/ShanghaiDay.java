package com.aggpay.order.reconciliation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A calendar day in Asia/Shanghai, the day of every channel's bill and of merchant statements, as the UTC window
 * {@code [from, to)} that the stored times ({@code paid_at}, {@code succeeded_at}, UTC) are compared with.
 */
public record ShanghaiDay(LocalDate day, LocalDateTime from, LocalDateTime to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static ShanghaiDay of(LocalDate day) {
        return new ShanghaiDay(day, utc(day), utc(day.plusDays(1)));
    }

    public boolean contains(LocalDateTime utc) {
        return utc != null && !utc.isBefore(from) && utc.isBefore(to);
    }

    private static LocalDateTime utc(LocalDate day) {
        return day.atStartOfDay(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
