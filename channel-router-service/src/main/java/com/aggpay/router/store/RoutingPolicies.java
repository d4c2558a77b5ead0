package com.aggpay.router.store;

import com.aggpay.router.routing.RoutingPolicy;
import com.aggpay.router.routing.Strategy;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The routing policy of a merchant, or the platform default (mch_no {@code '*'}) when it has none. */
@Mapper
public interface RoutingPolicies {

    String PLATFORM_DEFAULT = "*";

    @Select("""
            SELECT strategy, min_sample, exploration_share FROM routing_policy
             WHERE mch_no IN (#{mchNo}, '*') ORDER BY mch_no = '*' LIMIT 1""")
    Map<String, Object> findRow(@Param("mchNo") String mchNo);

    default RoutingPolicy forMerchant(String mchNo) {
        Map<String, Object> row = findRow(mchNo);
        if (row == null) {
            return new RoutingPolicy(Strategy.FIXED_PRIORITY, 0, 0);
        }
        return new RoutingPolicy(Strategy.valueOf((String) row.get("strategy")),
                ((Number) row.get("min_sample")).intValue(), ((BigDecimal) row.get("exploration_share")).doubleValue());
    }
}
