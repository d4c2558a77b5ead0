package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.portal.auth.PortalUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The merchant number a portal user's reads are scoped to. Orders and events are keyed by {@code mch_no}, which a
 * merchant gets on approval: before that it has none, and so no orders or events.
 */
@Component
class PortalMerchant {

    private final Merchants merchants;

    PortalMerchant(Merchants merchants) {
        this.merchants = merchants;
    }

    Optional<String> mchNo(PortalUser user) {
        return merchants.findById(user.merchantId()).map(Merchant::getMchNo).filter(m -> !m.isBlank());
    }
}
