package com.aggpay.router.store;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ChannelInstanceRows extends BaseMapper<ChannelInstanceRow> {

    /**
     * The enabled channels a merchant has an enabled contract for that accept the amount, best priority first, each
     * with the merchant's own daily cap on it (one query per placement instead of one more per candidate).
     */
    @Select("""
            SELECT c.*, m.daily_cap AS merchant_daily_cap FROM channel_instance c JOIN merchant_contract m ON m.channel = c.name
             WHERE m.mch_no = #{mchNo} AND m.enabled = 1 AND c.enabled = 1
               AND c.min_amount <= #{amount} AND (c.max_amount IS NULL OR c.max_amount >= #{amount})
             ORDER BY c.priority, c.name""")
    List<ChannelInstanceRow> findContracted(@Param("mchNo") String mchNo, @Param("amount") long amount);
}
