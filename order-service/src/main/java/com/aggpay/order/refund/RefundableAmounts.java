package com.aggpay.order.refund;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The refund columns of {@code pay_order}. {@code refunding_amount} is what refunds in flight hold; one conditional
 * update admits a refund only while {@code refunded + refunding + new <= amount}, so concurrent refunds of one order
 * serialize on its row and can never add up past what was paid.
 */
@Mapper
public interface RefundableAmounts {

    @Update("""
            UPDATE pay_order SET refunding_amount = refunding_amount + #{amount}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND state = 'SUCCESS'
               AND amount - refunded_amount - refunding_amount >= #{amount}""")
    int reserve(@Param("payOrderId") String payOrderId, @Param("amount") long amount,
                @Param("now") LocalDateTime now);

    /** The reserved money went back to the payer. */
    @Update("""
            UPDATE pay_order SET refunded_amount = refunded_amount + #{amount},
                   refunding_amount = refunding_amount - #{amount}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND refunding_amount >= #{amount}""")
    int settle(@Param("payOrderId") String payOrderId, @Param("amount") long amount,
               @Param("now") LocalDateTime now);

    /** The refund definitely failed: its amount can be refunded again. */
    @Update("""
            UPDATE pay_order SET refunding_amount = refunding_amount - #{amount}, updated_at = #{now}
             WHERE pay_order_id = #{payOrderId} AND refunding_amount >= #{amount}""")
    int release(@Param("payOrderId") String payOrderId, @Param("amount") long amount,
                @Param("now") LocalDateTime now);

    /** What can still be refunded: paid, minus refunded, minus what refunds in flight hold. */
    @Select("SELECT amount - refunded_amount - refunding_amount FROM pay_order WHERE pay_order_id = #{payOrderId}")
    long refundable(@Param("payOrderId") String payOrderId);
}
