package com.aggpay.router.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** A channel as operators see and edit it. Never the credentials: they are write-only. */
record ChannelConfig(String name, String type, String accountId, List<String> payWays, boolean enabled, int priority,
                     int weight, int feeRatePpm, long minAmount, Long maxAmount, Long dailyCap, String apiBaseUrl,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ChannelConfig of(ChannelConfigRow row) {
        List<String> payWays = Arrays.stream(row.payWays().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        return new ChannelConfig(row.name(), row.type(), row.accountId(), payWays, row.enabled(), row.priority(),
                row.weight(), row.feeRatePpm(), row.minAmount(), row.maxAmount(), row.dailyCap(), row.apiBaseUrl(),
                utc(row.createdAt()), utc(row.updatedAt()));
    }

    static OffsetDateTime utc(java.time.LocalDateTime stored) {
        return stored == null ? null : stored.atOffset(ZoneOffset.UTC);
    }
}
