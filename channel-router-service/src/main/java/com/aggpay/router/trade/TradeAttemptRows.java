package com.aggpay.router.trade;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The router's own record of every trade it opened or tried to open; orphans are closed from here. */
@Mapper
public interface TradeAttemptRows {

    /**
     * A retry of the same trade number (same channel, identical parameters) updates the row rather than adding one.
     * An orphan ({@code close_state = 'PENDING'}) stays one even if a retry is later accepted: then it is the trade
     * handed out and the close state is cleared.
     */
    @Insert("""
            INSERT INTO trade_attempt (out_trade_no, pay_order_id, mch_no, seq, channel, pay_way, amount, outcome,
                                       channel_code, latency_ms, pay_data_type, pay_data, quota_reserved, close_state,
                                       next_close_at, tries, created_at, updated_at)
            VALUES (#{a.outTradeNo}, #{a.payOrderId}, #{a.mchNo}, #{a.seq}, #{a.channel}, #{a.payWay}, #{a.amount},
                    #{a.outcome}, #{a.channelCode}, #{a.latencyMs}, #{a.payDataType}, #{a.payData}, #{a.quotaReserved},
                    #{a.closeState}, #{a.nextCloseAt}, 1, #{a.createdAt}, #{a.updatedAt})
            ON DUPLICATE KEY UPDATE outcome = VALUES(outcome), channel_code = VALUES(channel_code),
                                    latency_ms = VALUES(latency_ms), pay_data_type = VALUES(pay_data_type),
                                    pay_data = VALUES(pay_data), close_state = VALUES(close_state),
                                    next_close_at = VALUES(next_close_at), tries = tries + 1,
                                    updated_at = VALUES(updated_at)""")
    int record(@Param("a") TradeAttempt attempt);

    @Select("SELECT * FROM trade_attempt WHERE pay_order_id = #{payOrderId} ORDER BY seq, created_at")
    List<TradeAttempt> findByOrder(@Param("payOrderId") String payOrderId);

    @Select("SELECT * FROM trade_attempt WHERE out_trade_no = #{outTradeNo}")
    TradeAttempt find(@Param("outTradeNo") String outTradeNo);

    @Select("""
            SELECT * FROM trade_attempt WHERE close_state = 'PENDING' AND next_close_at <= #{now}
             ORDER BY next_close_at LIMIT #{limit}""")
    List<TradeAttempt> dueOrphans(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Takes an orphan for one close attempt; false when another instance took it first. */
    @Update("""
            UPDATE trade_attempt SET next_close_at = #{leaseUntil}
             WHERE out_trade_no = #{outTradeNo} AND close_state = 'PENDING' AND next_close_at = #{seen}""")
    int claimOrphan(@Param("outTradeNo") String outTradeNo, @Param("seen") LocalDateTime seen,
                    @Param("leaseUntil") LocalDateTime leaseUntil);

    @Update("""
            UPDATE trade_attempt SET close_state = #{state}, close_tries = close_tries + 1, next_close_at = NULL,
                   updated_at = #{now}
             WHERE out_trade_no = #{outTradeNo} AND close_state = 'PENDING'""")
    int settleOrphan(@Param("outTradeNo") String outTradeNo, @Param("state") String state,
                     @Param("now") LocalDateTime now);

    @Update("""
            UPDATE trade_attempt SET close_tries = close_tries + 1, next_close_at = #{next}, updated_at = #{now}
             WHERE out_trade_no = #{outTradeNo} AND close_state = 'PENDING'""")
    int postponeOrphan(@Param("outTradeNo") String outTradeNo, @Param("next") LocalDateTime next,
                       @Param("now") LocalDateTime now);

    @Select("SELECT COUNT(*) FROM trade_attempt WHERE close_state = 'PENDING'")
    long countOpenOrphans();
}
