package com.aggpay.order.cashier;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The cashier's payers, and the daily static-code usage derived from them. */
@Mapper
public interface CashierPayments extends BaseMapper<CashierPayment> {

    /**
     * Locks the payer's row of the day until the transaction ends (creating it the first time): an insert that
     * meets the key takes the exclusive lock at once, so there is no shared-lock step two payments could deadlock on.
     */
    @Insert("""
            INSERT INTO static_qr_payer_day (payer_key, pay_day) VALUES (#{payerKey}, #{day})
                ON DUPLICATE KEY UPDATE payer_key = payer_key""")
    int lockPayerDay(@Param("payerKey") String payerKey, @Param("day") LocalDate day);

    /**
     * What the payer's static-code payments of the day hold against the cap: every order still payable or paid.
     * An order that ended unpaid (CLOSED, FAILED) no longer counts, so its share is given back by the state change
     * itself, with nothing to forget or do twice; a late payment of a closed order counts again. A bare SUM (null when
     * there is nothing): on shards each one sums its own and ShardingSphere adds the sums up, which it does not do for
     * a SUM wrapped in a function.
     */
    @Select("""
            SELECT SUM(c.amount) FROM cashier_payment c JOIN pay_order o ON o.pay_order_id = c.pay_order_id
             WHERE c.payer_key = #{payerKey} AND c.pay_day = #{day} AND c.static_code = 1
               AND o.state IN ('PAYING', 'SUCCESS')""")
    Long heldOnDay(@Param("payerKey") String payerKey, @Param("day") LocalDate day);
}
