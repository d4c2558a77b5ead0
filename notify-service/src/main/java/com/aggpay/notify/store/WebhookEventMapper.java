package com.aggpay.notify.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface WebhookEventMapper {

    @Insert("""
            INSERT INTO webhook_event (event_id, event_type, webhook_type, mch_no, app_id, notify_url, request_id, body,
                                       state, attempt_count, run_failures, next_attempt_at, created_at, updated_at)
            VALUES (#{eventId}, #{eventType}, #{webhookType}, #{mchNo}, #{appId}, #{notifyUrl}, #{requestId}, #{body},
                    #{state}, 0, 0, #{nextAttemptAt}, #{createdAt}, #{updatedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(WebhookEventRow row);

    @Select("SELECT * FROM webhook_event WHERE event_id = #{eventId}")
    WebhookEventRow findByEventId(String eventId);

    /**
     * Due candidates, oldest first. {@code exclude} keeps merchants that have no free slot out of the window
     * (else one flooded merchant's backlog would fill every scan); {@code only} restricts to a set of merchants.
     */
    @Select("""
            <script>
            SELECT id, mch_no FROM webhook_event
             WHERE state = 'PENDING' AND next_attempt_at &lt;= #{now}
               AND (lease_until IS NULL OR lease_until &lt; #{now})
               <if test="exclude != null and !exclude.isEmpty()">
                 AND mch_no NOT IN <foreach collection="exclude" item="m" open="(" separator="," close=")">#{m}</foreach>
               </if>
               <if test="only != null">
                 AND mch_no IN <foreach collection="only" item="m" open="(" separator="," close=")">#{m}</foreach>
               </if>
             ORDER BY next_attempt_at
             LIMIT #{limit}
            </script>""")
    List<DueEvent> findDue(@Param("now") Instant now, @Param("exclude") Collection<String> exclude,
                           @Param("only") Collection<String> only, @Param("limit") int limit);

    /** The claim: only rows still due and unleased are taken, so two instances never hold the same event. */
    @Update("""
            <script>
            UPDATE webhook_event SET lease_owner = #{owner}, lease_until = #{until}, updated_at = #{now}
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND state = 'PENDING' AND next_attempt_at &lt;= #{now}
               AND (lease_until IS NULL OR lease_until &lt; #{now})
            </script>""")
    int claim(@Param("ids") Collection<Long> ids, @Param("owner") String owner, @Param("now") Instant now,
              @Param("until") Instant until);

    @Select("""
            <script>
            SELECT * FROM webhook_event
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND lease_owner = #{owner}
            </script>""")
    List<WebhookEventRow> findLeased(@Param("ids") Collection<Long> ids, @Param("owner") String owner);

    /** Applies the result of an attempt, only while this instance still holds the lease. */
    @Update("""
            UPDATE webhook_event
               SET state = #{state}, attempt_count = attempt_count + #{attemptDelta},
                   run_failures = run_failures + #{failureDelta}, next_attempt_at = #{nextAttemptAt},
                   delivered_at = COALESCE(#{deliveredAt}, delivered_at), last_error = #{lastError},
                   lease_owner = NULL, lease_until = NULL, updated_at = #{now}
             WHERE id = #{id} AND lease_owner = #{owner} AND state = 'PENDING'""")
    int complete(@Param("id") long id, @Param("owner") String owner, @Param("state") String state,
                 @Param("attemptDelta") int attemptDelta, @Param("failureDelta") int failureDelta,
                 @Param("nextAttemptAt") Instant nextAttemptAt, @Param("deliveredAt") Instant deliveredAt,
                 @Param("lastError") String lastError, @Param("now") Instant now);

    /** A new delivery run: the schedule restarts, delivered events may be delivered again. */
    @Update("""
            UPDATE webhook_event
               SET state = 'PENDING', run_failures = 0, next_attempt_at = #{now}, updated_at = #{now}
             WHERE event_id = #{eventId}""")
    int resend(@Param("eventId") String eventId, @Param("now") Instant now);

    @Select("""
            <script>
            SELECT id, event_id, event_type, webhook_type, mch_no, app_id, notify_url, request_id, state, attempt_count,
                   run_failures, next_attempt_at, delivered_at, last_error, created_at, updated_at
              FROM webhook_event
             WHERE 1 = 1
               <if test="appId != null">AND app_id = #{appId}</if>
               <if test="mchNo != null">AND mch_no = #{mchNo}</if>
             ORDER BY created_at DESC, id DESC
             LIMIT #{limit} OFFSET #{offset}
            </script>""")
    List<WebhookEventRow> findRecent(@Param("appId") String appId, @Param("mchNo") String mchNo,
                                     @Param("limit") int limit, @Param("offset") int offset);

    @Select("SELECT COUNT(*) FROM webhook_event WHERE state = 'PENDING' AND next_attempt_at <= #{now}")
    long countDue(Instant now);
}
