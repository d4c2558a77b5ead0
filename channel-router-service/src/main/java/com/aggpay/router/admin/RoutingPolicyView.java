package com.aggpay.router.admin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A routing policy as operators see it. {@code mchNo} is {@code default} for the platform default;
 * {@code inherited} is true when the merchant has no policy of its own and the default applies.
 */
record RoutingPolicyView(String mchNo, String strategy, int minSample, BigDecimal explorationShare, boolean inherited,
                         OffsetDateTime updatedAt) {
}
