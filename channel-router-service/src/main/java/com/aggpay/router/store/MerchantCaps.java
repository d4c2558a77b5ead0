package com.aggpay.router.store;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface MerchantCaps {

    /** The merchant's own daily cap on this channel, or null. */
    @Select("SELECT daily_cap FROM merchant_contract WHERE mch_no = #{mchNo} AND channel = #{channel}")
    Long dailyCap(@Param("mchNo") String mchNo, @Param("channel") String channel);
}
