package com.aggpay.router.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a merchant that an operator just approved its default contracts (merchant-service calls this before it
 * commits the approval). Idempotent: a channel the merchant already has a contract for keeps it as it is, so a
 * retried approval, or one after an operator set contracts by hand, changes nothing that exists.
 */
@Service
class DefaultContracts {

    private static final Pattern CATEGORY = Pattern.compile("[A-Z_]{1,32}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private final AdminContractRows contracts;
    private final AdminChannelRows channels;
    private final DefaultContractsProperties properties;
    private final AdminAudit audit;
    private final Clock clock;

    DefaultContracts(AdminContractRows contracts, AdminChannelRows channels, DefaultContractsProperties properties,
                     AdminAudit audit, Clock clock) {
        this.contracts = contracts;
        this.channels = channels;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The merchant's contracts afterwards, the ones it had before included. */
    @Transactional
    MerchantContracts ensure(String mchNo, String category, String operator) {
        ConfigureContracts.requireMchNo(mchNo);
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw JsonFields.invalid("business_category", "must be 1-32 of [A-Z_]");
        }
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw JsonFields.invalid("operator", "must be 1-64 of [A-Za-z0-9_.@-]");
        }
        List<String> excluded = properties.excludedFor(category);
        LocalDateTime now = LocalDateTime.now(clock);
        for (String channel : channels.enabledNames()) {
            if (!excluded.contains(channel) && contracts.insertIfAbsent(mchNo, channel, now) == 1) {
                audit.changed(operator, "CONTRACT_CREATED", "contract:" + mchNo + "/" + channel, null,
                        Map.of("mch_no", mchNo, "channel", channel, "enabled", true, "source",
                                "default for " + category));
            }
        }
        return new MerchantContracts(mchNo, contracts.ofMerchant(mchNo).stream().map(MerchantContracts.Contract::of)
                .toList());
    }
}
