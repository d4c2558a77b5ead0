package com.aggpay.router.store;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MerchantContractRows {

    @Insert("""
            INSERT INTO merchant_contract (mch_no, channel, enabled, created_at) VALUES (#{mchNo}, #{channel}, 1, NOW(3))
            ON DUPLICATE KEY UPDATE enabled = 1""")
    int contract(@Param("mchNo") String mchNo, @Param("channel") String channel);
}
