package com.aggpay.router.admin;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The operator API's reads and writes of {@code channel_instance}; credentials only ever go in, sealed. */
@Mapper
interface AdminChannelRows {

    String COLUMNS = "name, type, account_id, pay_ways, enabled, priority, weight, fee_rate_ppm, min_amount, max_amount,"
            + " daily_cap, api_base_url, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM channel_instance WHERE name = #{name}")
    ChannelConfigRow find(@Param("name") String name);

    @Select("SELECT name FROM channel_instance WHERE enabled = TRUE ORDER BY name")
    List<String> enabledNames();

    /** The row locked until the transaction ends, so the audited "before" is what the update replaces. */
    @Select("SELECT " + COLUMNS + " FROM channel_instance WHERE name = #{name} FOR UPDATE")
    ChannelConfigRow lock(@Param("name") String name);

    @Update("""
            UPDATE channel_instance SET enabled = #{s.enabled}, priority = #{s.priority}, weight = #{s.weight},
                   fee_rate_ppm = #{s.feeRatePpm}, min_amount = #{s.minAmount}, max_amount = #{s.maxAmount},
                   daily_cap = #{s.dailyCap}, pay_ways = #{s.payWays}, updated_at = #{now}
             WHERE name = #{name}""")
    int update(@Param("name") String name, @Param("s") ChannelSettings settings, @Param("now") LocalDateTime now);

    @Insert("""
            INSERT INTO channel_instance (name, type, account_id, pay_ways, enabled, priority, weight, fee_rate_ppm,
                                          min_amount, max_amount, daily_cap, api_base_url, credentials_enc,
                                          created_at, updated_at)
            VALUES (#{c.name}, #{c.type}, #{c.accountId}, #{c.settings.payWays}, #{c.settings.enabled},
                    #{c.settings.priority}, #{c.settings.weight}, #{c.settings.feeRatePpm}, #{c.settings.minAmount},
                    #{c.settings.maxAmount}, #{c.settings.dailyCap}, #{c.apiBaseUrl}, #{credentialsEnc}, #{now}, #{now})""")
    int insert(@Param("c") NewChannel channel, @Param("credentialsEnc") String credentialsEnc,
               @Param("now") LocalDateTime now);
}
