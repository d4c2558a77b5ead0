package com.aggpay.router.admin;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code operator_audit}: appended to, read newest first; never updated or deleted by the service. */
@Mapper
interface AdminAuditRows {

    String COLUMNS = "id, occurred_at, operator, action, target, before_json, after_json, request_id";

    @Insert("""
            INSERT INTO operator_audit (occurred_at, operator, action, target, before_json, after_json, request_id)
            VALUES (#{at}, #{operator}, #{action}, #{target}, #{before}, #{after}, #{requestId})""")
    int insert(@Param("at") LocalDateTime at, @Param("operator") String operator, @Param("action") String action,
               @Param("target") String target, @Param("before") String beforeJson, @Param("after") String afterJson,
               @Param("requestId") String requestId);

    @Select("SELECT " + COLUMNS + " FROM operator_audit ORDER BY id DESC LIMIT #{limit}")
    List<AuditRow> newest(@Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM operator_audit WHERE target = #{target} ORDER BY id DESC LIMIT #{limit}")
    List<AuditRow> newestFor(@Param("target") String target, @Param("limit") int limit);

    /** A row in select order. */
    record AuditRow(long id, LocalDateTime occurredAt, String operator, String action, String target,
                    String beforeJson, String afterJson, String requestId) {
    }
}
