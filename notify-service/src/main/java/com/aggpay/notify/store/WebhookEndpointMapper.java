package com.aggpay.notify.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface WebhookEndpointMapper {

    /** A new endpoint, ACTIVE; an existing one (same merchant and URL) is left as it is. */
    @Insert("""
            INSERT IGNORE INTO webhook_endpoint (mch_no, url, url_hash, state, consecutive_failures, created_at,
                                                 updated_at)
            VALUES (#{mchNo}, #{url}, #{urlHash}, 'ACTIVE', 0, #{now}, #{now})""")
    int insertIgnore(@Param("mchNo") String mchNo, @Param("url") String url, @Param("urlHash") String urlHash,
                     @Param("now") Instant now);

    @Select("SELECT * FROM webhook_endpoint WHERE mch_no = #{mchNo} AND url_hash = #{urlHash}")
    WebhookEndpointRow find(@Param("mchNo") String mchNo, @Param("urlHash") String urlHash);

    @Select("SELECT * FROM webhook_endpoint WHERE mch_no = #{mchNo} AND url_hash = #{urlHash} FOR UPDATE")
    WebhookEndpointRow lock(@Param("mchNo") String mchNo, @Param("urlHash") String urlHash);

    @Select("SELECT * FROM webhook_endpoint WHERE id = #{id}")
    WebhookEndpointRow findById(long id);

    /** The state under a shared lock: it cannot change (be enabled) until the caller's transaction ends. */
    @Select("SELECT state FROM webhook_endpoint WHERE id = #{id} LOCK IN SHARE MODE")
    String lockState(long id);

    /** A success ends the streak; a disabled endpoint stays disabled (only enabling it turns it back on). */
    @Update("""
            UPDATE webhook_endpoint
               SET consecutive_failures = 0, failing_since = NULL,
                   state = CASE WHEN state = 'DISABLED' THEN 'DISABLED' ELSE 'ACTIVE' END, updated_at = #{now}
             WHERE id = #{id} AND (consecutive_failures > 0 OR state = 'FAILING')""")
    int recordSuccess(@Param("id") long id, @Param("now") Instant now);

    /** One more failure in the streak, counted in place so that concurrent attempts all count. */
    @Update("""
            UPDATE webhook_endpoint
               SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, #{now}),
                   state = CASE WHEN state = 'DISABLED' THEN 'DISABLED' ELSE 'FAILING' END, updated_at = #{now}
             WHERE id = #{id}""")
    int recordFailure(@Param("id") long id, @Param("now") Instant now);

    @Update("""
            UPDATE webhook_endpoint SET state = 'DISABLED', disabled_reason = #{reason}, disabled_at = #{now},
                                        updated_at = #{now}
             WHERE id = #{id} AND state <> 'DISABLED'""")
    int disable(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

    @Update("""
            UPDATE webhook_endpoint SET state = 'ACTIVE', disabled_reason = NULL, disabled_at = NULL,
                                        failing_since = NULL, consecutive_failures = 0, updated_at = #{now}
             WHERE id = #{id}""")
    int enable(@Param("id") long id, @Param("now") Instant now);

    @Select("""
            <script>
            SELECT * FROM webhook_endpoint
             WHERE 1 = 1
               <if test="mchNo != null">AND mch_no = #{mchNo}</if>
               <if test="state != null">AND state = #{state}</if>
             ORDER BY id DESC
             LIMIT #{limit}
            </script>""")
    List<WebhookEndpointRow> list(@Param("mchNo") String mchNo, @Param("state") String state,
                                  @Param("limit") int limit);

    @Select("""
            <script>
            SELECT webhook_endpoint_id AS id, COUNT(*) AS n FROM webhook_event
             WHERE webhook_endpoint_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND state IN ('PENDING', 'HELD')
             GROUP BY webhook_endpoint_id
            </script>""")
    List<Map<String, Object>> pendingCounts(@Param("ids") Collection<Long> ids);

    /** The newest failed attempts: one short backward range scan per failure outcome, merged. */
    @Select("""
            <script>
            SELECT failed_at, http_status, outcome, error, response_excerpt FROM (
            <foreach collection="outcomes" item="o" separator=" UNION ALL ">
              (SELECT started_at AS failed_at, http_status, outcome, error, response_excerpt FROM delivery_attempt
                WHERE webhook_endpoint_id = #{id} AND outcome = #{o} ORDER BY started_at DESC LIMIT #{limit})
            </foreach>
            ) newest ORDER BY failed_at DESC LIMIT #{limit}
            </script>""")
    List<EndpointError> lastErrors(@Param("id") long id, @Param("outcomes") Collection<String> outcomes,
                                   @Param("limit") int limit);

    @Select("SELECT state, COUNT(*) AS endpoints, MAX(consecutive_failures) AS max_consecutive_failures "
            + "FROM webhook_endpoint GROUP BY state")
    List<EndpointCount> countByState();
}
