package com.aggpay.router.admin;

import java.time.OffsetDateTime;
import java.util.List;

/** A merchant's channel contracts as operators see them. */
record MerchantContracts(String mchNo, List<Contract> contracts) {

    record Contract(String channel, boolean enabled, String subMchId, Long dailyCap, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {

        static Contract of(ContractRow row) {
            return new Contract(row.channel(), row.enabled(), row.subMchId(), row.dailyCap(),
                    ChannelConfig.utc(row.createdAt()), ChannelConfig.utc(row.updatedAt()));
        }
    }
}
