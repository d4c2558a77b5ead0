package com.aggpay.router.admin;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AdminContractRows {

    String COLUMNS = "mch_no, channel, enabled, sub_mch_id, daily_cap, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM merchant_contract WHERE mch_no = #{mchNo} ORDER BY channel")
    List<ContractRow> ofMerchant(@Param("mchNo") String mchNo);

    @Select("SELECT " + COLUMNS + " FROM merchant_contract WHERE mch_no = #{mchNo} AND channel = #{channel} FOR UPDATE")
    ContractRow lock(@Param("mchNo") String mchNo, @Param("channel") String channel);

    @Insert("""
            INSERT INTO merchant_contract (mch_no, channel, enabled, sub_mch_id, daily_cap, created_at, updated_at)
            VALUES (#{mchNo}, #{channel}, #{enabled}, #{subMchId}, #{dailyCap}, #{now}, #{now})
            ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), sub_mch_id = VALUES(sub_mch_id),
                                    daily_cap = VALUES(daily_cap), updated_at = VALUES(updated_at)""")
    int put(@Param("mchNo") String mchNo, @Param("channel") String channel, @Param("enabled") boolean enabled,
            @Param("subMchId") String subMchId, @Param("dailyCap") Long dailyCap, @Param("now") LocalDateTime now);

    /** A contract only where there is none: an operator's earlier choice for this merchant and channel stands. */
    @Insert("""
            INSERT IGNORE INTO merchant_contract (mch_no, channel, enabled, sub_mch_id, daily_cap, created_at, updated_at)
            VALUES (#{mchNo}, #{channel}, TRUE, NULL, NULL, #{now}, #{now})""")
    int insertIfAbsent(@Param("mchNo") String mchNo, @Param("channel") String channel,
                       @Param("now") LocalDateTime now);
}
