package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.OrderState;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The pay orders. Every state change is a conditional update: it says which state it leaves, or changes nothing. */
@Mapper
public interface PayOrders extends BaseMapper<PayOrder> {

    /** The app's order; naming the app's merchant as well leads a sharded database to its one shard. */
    @Select("SELECT * FROM pay_order WHERE mch_no = #{mchNo} AND app_id = #{appId} AND mch_order_no = #{mchOrderNo}")
    PayOrder findByMchOrderNo(@Param("mchNo") String mchNo, @Param("appId") String appId,
                              @Param("mchOrderNo") String mchOrderNo);

    /**
     * The order as last committed, locked until the transaction ends. Inside a REPEATABLE READ transaction a plain
     * read repeats the transaction's first snapshot; a locking read sees what a concurrent transaction committed.
     */
    @Select("SELECT * FROM pay_order WHERE pay_order_id = #{payOrderId} FOR UPDATE")
    PayOrder lockById(@Param("payOrderId") String payOrderId);

    /** Records the trade whose pay data is handed out; only once, and only while the order is still paying. */
    @Update("""
            UPDATE pay_order SET channel = #{channel}, out_trade_no = #{outTradeNo}, pay_data_type = #{payDataType},
                   pay_data = #{payData}, fee_rate_ppm = #{feeRatePpm}, placing_until = NULL, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NULL""")
    int recordTrade(@Param("payOrderId") String payOrderId, @Param("channel") String channel,
                    @Param("outTradeNo") String outTradeNo, @Param("payDataType") String payDataType,
                    @Param("payData") String payData, @Param("feeRatePpm") Integer feeRatePpm,
                    @Param("now") LocalDateTime now);

    /**
     * Claims the right to ask the router for this order's trade, when nobody holds it: the request that created
     * the order holds it from the start; a repeat takes it over only once that claim has lapsed.
     */
    @Update("""
            UPDATE pay_order SET placing_until = #{until}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NULL
               AND (placing_until IS NULL OR placing_until < #{now})""")
    int claimPlacement(@Param("payOrderId") String payOrderId, @Param("now") LocalDateTime now,
                       @Param("until") LocalDateTime until);

    /**
     * A QR_CASHIER order gets its payer's wallet pay way and the channel data naming the payer, and the right to ask
     * the router for its trade: only once, only while no trade exists and nobody is placing one.
     */
    @Update("""
            UPDATE pay_order SET wallet_pay_way = #{walletPayWay}, channel_extra = #{channelExtra},
                   placing_until = #{until}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND pay_way = 'QR_CASHIER' AND state = 'PAYING'
               AND pay_data IS NULL AND wallet_pay_way IS NULL
               AND (placing_until IS NULL OR placing_until < #{now})""")
    int chooseWallet(@Param("payOrderId") String payOrderId, @Param("walletPayWay") String walletPayWay,
                     @Param("channelExtra") String channelExtra, @Param("now") LocalDateTime now,
                     @Param("until") LocalDateTime until);

    /** Takes the order's next event number; the row stays locked until the transaction ends, so numbers never repeat. */
    @Update("UPDATE pay_order SET event_seq = event_seq + 1 WHERE pay_order_id = #{payOrderId}")
    int advanceEventSeq(@Param("payOrderId") String payOrderId);

    /** The number {@link #advanceEventSeq} just took, read in the same transaction. */
    @Select("SELECT event_seq FROM pay_order WHERE pay_order_id = #{payOrderId}")
    int eventSeq(@Param("payOrderId") String payOrderId);

    @Update("UPDATE pay_order SET placing_until = NULL WHERE pay_order_id = #{payOrderId}")
    int releasePlacement(@Param("payOrderId") String payOrderId);

    @Update("""
            UPDATE pay_order SET state = 'FAILED', failure_code = #{failureCode}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NULL""")
    int markFailed(@Param("payOrderId") String payOrderId, @Param("failureCode") String failureCode,
                   @Param("now") LocalDateTime now);

    /** The channel confirmed the handed-out trade closed (or the order never had one): only from PAYING. */
    @Update("""
            UPDATE pay_order SET state = 'CLOSED', updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NOT NULL""")
    int markClosed(@Param("payOrderId") String payOrderId, @Param("now") LocalDateTime now);

    /** Closes an order without a trade, unless a request is asking the router for one right now. */
    @Update("""
            UPDATE pay_order SET state = 'CLOSED', updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NULL
               AND (placing_until IS NULL OR placing_until < #{now})""")
    int markClosedWithoutTrade(@Param("payOrderId") String payOrderId, @Param("now") LocalDateTime now);

    /** The channel reported the handed-out trade failed: only from PAYING. */
    @Update("""
            UPDATE pay_order SET state = 'FAILED', failure_code = #{failureCode}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING' AND pay_data IS NOT NULL""")
    int markTradeFailed(@Param("payOrderId") String payOrderId, @Param("failureCode") String failureCode,
                        @Param("now") LocalDateTime now);

    /** The payer paid: from any state but SUCCESS (see {@link OrderState}). */
    @Update("""
            UPDATE pay_order SET state = 'SUCCESS', channel_trade_no = #{channelTradeNo}, paid_at = #{paidAt},
                   updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state <> 'SUCCESS'""")
    int markPaid(@Param("payOrderId") String payOrderId, @Param("channelTradeNo") String channelTradeNo,
                 @Param("paidAt") LocalDateTime paidAt, @Param("now") LocalDateTime now);
}
