package com.aggpay.router.tradeops;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The close state of handed-out trades, kept on their {@code trade_attempt} row. */
@Mapper
public interface TradeCloseRows {

    /**
     * Marks a handed-out trade confirmed closed upstream. Only the first confirmation changes the row, so only it
     * may give the trade's amount back to the daily quota: a second close (merchant close, then expiry) never does.
     */
    @Update("""
            UPDATE trade_attempt SET close_state = 'CLOSED', updated_at = #{now}
             WHERE out_trade_no = #{outTradeNo} AND outcome = 'ACCEPTED' AND close_state IS NULL""")
    int markHandedOutClosed(@Param("outTradeNo") String outTradeNo, @Param("now") LocalDateTime now);
}
