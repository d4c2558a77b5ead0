package com.aggpay.router.admin;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The contracts an approved merchant starts with: every enabled channel, less the ones excluded for its business
 * category (an upstream that does not accept, say, online education as a sub-merchant). Operators change a merchant's
 * contracts afterwards through {@code /api/admin/contracts}.
 *
 * @param excludedByCategory business category (as merchant-service names it) → channel names it never gets by default
 */
@ConfigurationProperties("aggpay.router.default-contracts")
public record DefaultContractsProperties(Map<String, List<String>> excludedByCategory) {

    public DefaultContractsProperties {
        excludedByCategory = excludedByCategory == null ? Map.of() : Map.copyOf(excludedByCategory);
    }

    List<String> excludedFor(String category) {
        return excludedByCategory.getOrDefault(category, List.of());
    }
}
