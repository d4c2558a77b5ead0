package com.aggpay.router.admin;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The selected columns leave pay_data out on purpose. */
@Mapper
interface AdminTradeRows {

    @Select("""
            SELECT seq, channel, out_trade_no, outcome, channel_code, latency_ms, tries, close_state, created_at
              FROM trade_attempt WHERE pay_order_id = #{payOrderId} ORDER BY seq, created_at""")
    List<TradeAttemptRow> ofOrder(@Param("payOrderId") String payOrderId);
}
