package com.aggpay.router.admin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AdminRoutingRows {

    String COLUMNS = "mch_no, strategy, min_sample, exploration_share, updated_at";

    @Select("SELECT " + COLUMNS + " FROM routing_policy WHERE mch_no = #{mchNo}")
    PolicyRow find(@Param("mchNo") String mchNo);

    @Select("SELECT " + COLUMNS + " FROM routing_policy WHERE mch_no = #{mchNo} FOR UPDATE")
    PolicyRow lock(@Param("mchNo") String mchNo);

    @Insert("""
            INSERT INTO routing_policy (mch_no, strategy, min_sample, exploration_share, updated_at)
            VALUES (#{mchNo}, #{strategy}, #{minSample}, #{explorationShare}, #{now})
            ON DUPLICATE KEY UPDATE strategy = VALUES(strategy), min_sample = VALUES(min_sample),
                                    exploration_share = VALUES(exploration_share), updated_at = VALUES(updated_at)""")
    int put(@Param("mchNo") String mchNo, @Param("strategy") String strategy, @Param("minSample") int minSample,
            @Param("explorationShare") BigDecimal explorationShare, @Param("now") LocalDateTime now);

    @Delete("DELETE FROM routing_policy WHERE mch_no = #{mchNo}")
    int delete(@Param("mchNo") String mchNo);
}
