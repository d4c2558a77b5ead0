package com.aggpay.router.trade;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The router's own record of every trade it opened or tried to open; UNKNOWN rows are orphans to close. */
@Mapper
public interface TradeAttemptRows {

    /** A retry of the same trade number (identical parameters) updates the row rather than adding one. */
    @Insert("""
            INSERT INTO trade_attempt (out_trade_no, pay_order_id, seq, channel, pay_way, amount, outcome, channel_code,
                                       latency_ms, tries, created_at, updated_at)
            VALUES (#{outTradeNo}, #{payOrderId}, #{seq}, #{channel}, #{payWay}, #{amount}, #{outcome}, #{channelCode},
                    #{latencyMs}, 1, #{now}, #{now})
            ON DUPLICATE KEY UPDATE outcome = VALUES(outcome), channel_code = VALUES(channel_code),
                                    latency_ms = VALUES(latency_ms), tries = tries + 1, updated_at = VALUES(updated_at)""")
    int record(@Param("outTradeNo") String outTradeNo, @Param("payOrderId") String payOrderId, @Param("seq") int seq,
               @Param("channel") String channel, @Param("payWay") String payWay, @Param("amount") long amount,
               @Param("outcome") String outcome, @Param("channelCode") String channelCode,
               @Param("latencyMs") long latencyMs, @Param("now") LocalDateTime now);
}
