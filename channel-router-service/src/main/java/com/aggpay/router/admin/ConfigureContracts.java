package com.aggpay.router.admin;

import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Which channels a merchant may use, with its sub-merchant id and its own daily cap per channel. The router does not
 * know merchants (merchant-service does): a merchant without contracts simply has an empty list.
 */
@Service
class ConfigureContracts {

    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern SUB_MCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> FIELDS = Set.of("enabled", "sub_mch_id", "daily_cap");

    private final AdminContractRows contracts;
    private final AdminChannelRows channels;
    private final AdminAudit audit;
    private final Clock clock;

    ConfigureContracts(AdminContractRows contracts, AdminChannelRows channels, AdminAudit audit, Clock clock) {
        this.contracts = contracts;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    MerchantContracts of(String mchNo) {
        requireMchNo(mchNo);
        return new MerchantContracts(mchNo, contracts.ofMerchant(mchNo).stream().map(MerchantContracts.Contract::of)
                .toList());
    }

    /** The whole contract is replaced: an absent sub_mch_id or daily_cap clears it. */
    @Transactional
    MerchantContracts.Contract put(String mchNo, String channel, JsonNode json, String operator) {
        requireMchNo(mchNo);
        JsonFields body = JsonFields.of(json, FIELDS);
        boolean enabled = body.bool("enabled");
        String subMchId = body.optionalString("sub_mch_id", SUB_MCH_ID, "must be 1-64 of [A-Za-z0-9_-]");
        Long dailyCap = body.has("daily_cap") ? body.nullableInteger("daily_cap", 1, Long.MAX_VALUE / 2) : null;
        if (channels.find(channel) == null) {
            throw new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No channel with this name.");
        }
        ContractRow before = contracts.lock(mchNo, channel);
        contracts.put(mchNo, channel, enabled, subMchId, dailyCap, LocalDateTime.now(clock));
        ContractRow after = contracts.lock(mchNo, channel);
        if (before == null || !before.asMap().equals(after.asMap())) {
            audit.changed(operator, before == null ? "CONTRACT_CREATED" : "CONTRACT_UPDATED",
                    "contract:" + mchNo + "/" + channel, before == null ? null : before.asMap(), after.asMap());
        }
        return MerchantContracts.Contract.of(after);
    }

    static void requireMchNo(String mchNo) {
        if (!MCH_NO.matcher(mchNo).matches()) {
            throw JsonFields.invalid("mch_no", "must be 1-32 of [A-Za-z0-9_-]");
        }
    }
}
