package com.aggpay.order.payorder;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PayAttempts extends BaseMapper<PayAttempt> {

    @Select("SELECT * FROM pay_attempt WHERE out_trade_no = #{outTradeNo} ORDER BY id LIMIT 1")
    PayAttempt findByOutTradeNo(@Param("outTradeNo") String outTradeNo);

    @Select("SELECT * FROM pay_attempt WHERE pay_order_id = #{payOrderId} ORDER BY id")
    List<PayAttempt> findByOrder(@Param("payOrderId") String payOrderId);
}
