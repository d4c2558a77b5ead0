package com.aggpay.notify.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface WebhookEventMapper {

    /**
     * New events, due at once, in one statement. IGNORE skips rows whose event_id is stored already (a redelivered
     * Kafka message); the parser has bounded every other column, so IGNORE has nothing else to paper over. The
     * affected-row count is the number of new rows. {@code leaseOwner}/{@code leaseUntil} may be null (not leased).
     */
    @Insert("""
            <script>
            INSERT IGNORE INTO webhook_event (event_id, event_type, webhook_type, mch_no, app_id, notify_url, endpoint,
                                              request_id, traceparent, pay_order_id, order_seq, body, state, attempt_count,
                                              run_failures, next_attempt_at,
                                              lease_owner, lease_until, created_at, updated_at)
            VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.eventId}, #{r.eventType}, #{r.webhookType}, #{r.mchNo}, #{r.appId}, #{r.notifyUrl}, #{r.endpoint},
               #{r.requestId}, #{r.traceparent}, #{r.payOrderId}, #{r.orderSeq}, #{r.body}, 'PENDING', 0, 0,
               #{r.nextAttemptAt},
               #{leaseOwner}, #{leaseUntil}, #{r.createdAt}, #{r.updatedAt})
            </foreach>
            </script>""")
    int insertAll(@Param("rows") List<WebhookEventRow> rows, @Param("leaseOwner") String leaseOwner,
                  @Param("leaseUntil") Instant leaseUntil);

    /** Which of these events a lease owner holds: after a partly ignored insert, the ones it inserted. */
    @Select("""
            <script>
            SELECT event_id FROM webhook_event
             WHERE event_id IN <foreach collection="eventIds" item="e" open="(" separator="," close=")">#{e}</foreach>
               AND lease_owner = #{owner}
            </script>""")
    List<String> findHeld(@Param("eventIds") Collection<String> eventIds, @Param("owner") String owner);

    /** Gives leased events back, due as they are, for whichever instance scans next. */
    @Update("""
            <script>
            UPDATE webhook_event SET lease_owner = NULL, lease_until = NULL
             WHERE event_id IN <foreach collection="eventIds" item="e" open="(" separator="," close=")">#{e}</foreach>
               AND lease_owner = #{owner}
            </script>""")
    int release(@Param("eventIds") Collection<String> eventIds, @Param("owner") String owner);

    /** The events of one order numbered before {@code orderSeq} (an index range on pay_order_id, order_seq). */
    @Select("""
            SELECT order_seq, state, next_attempt_at FROM webhook_event
             WHERE pay_order_id = #{payOrderId} AND order_seq < #{orderSeq}""")
    List<EarlierEventRow> earlierOfOrder(@Param("payOrderId") String payOrderId,
                                                      @Param("orderSeq") int orderSeq);

    @Select("SELECT * FROM webhook_event WHERE event_id = #{eventId}")
    WebhookEventRow findByEventId(String eventId);

    /**
     * Pending unleased events due up to {@code horizon}, soonest first: the due ones are the candidates, the first
     * one not due yet says when to scan next. {@code exclude} keeps endpoints that have no free slot out of the
     * window (else one flooded endpoint's backlog would fill every scan); {@code only} restricts to a set of endpoints.
     */
    @Select("""
            <script>
            SELECT id, endpoint, next_attempt_at FROM webhook_event
             WHERE state = 'PENDING' AND next_attempt_at &lt;= #{horizon}
               AND (lease_until IS NULL OR lease_until &lt; #{now})
               <if test="exclude != null and !exclude.isEmpty()">
                 AND endpoint NOT IN <foreach collection="exclude" item="k" open="(" separator="," close=")">#{k}</foreach>
               </if>
               <if test="only != null">
                 AND endpoint IN <foreach collection="only" item="k" open="(" separator="," close=")">#{k}</foreach>
               </if>
             ORDER BY next_attempt_at
             LIMIT #{limit}
            </script>""")
    List<DueEvent> findDue(@Param("now") Instant now, @Param("horizon") Instant horizon,
                           @Param("exclude") Collection<String> exclude, @Param("only") Collection<String> only,
                           @Param("limit") int limit);

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

    /**
     * Successful attempts of several events at once, each only while its own lease still holds: the event_id list
     * finds the rows through the unique key, the pairs check each row's owner. Returns how many rows it changed.
     */
    @Update("""
            <script>
            UPDATE webhook_event
               SET state = 'DELIVERED', attempt_count = attempt_count + 1, delivered_at = #{now}, last_error = NULL,
                   lease_owner = NULL, lease_until = NULL, updated_at = #{now}
             WHERE event_id IN <foreach collection="held" item="h" open="(" separator="," close=")">#{h.eventId}</foreach>
               AND (event_id, lease_owner) IN
                   <foreach collection="held" item="h" open="(" separator="," close=")">(#{h.eventId}, #{h.leaseOwner})</foreach>
               AND state = 'PENDING'
            </script>""")
    int markDelivered(@Param("held") Collection<FinishedAttempt> held, @Param("now") Instant now);

    /** Applies an attempt that did not deliver, only while {@code owner} still holds the lease. */
    @Update("""
            UPDATE webhook_event
               SET state = #{state}, attempt_count = attempt_count + #{attemptDelta},
                   run_failures = run_failures + #{failureDelta},
                   next_attempt_at = COALESCE(#{nextAttemptAt}, next_attempt_at), last_error = #{lastError},
                   webhook_endpoint_id = COALESCE(#{webhookEndpointId}, webhook_endpoint_id),
                   lease_owner = NULL, lease_until = NULL, updated_at = #{now}
             WHERE event_id = #{eventId} AND lease_owner = #{owner} AND state = 'PENDING'""")
    int complete(@Param("eventId") String eventId, @Param("owner") String owner, @Param("state") String state,
                 @Param("attemptDelta") int attemptDelta, @Param("failureDelta") int failureDelta,
                 @Param("nextAttemptAt") Instant nextAttemptAt, @Param("lastError") String lastError,
                 @Param("webhookEndpointId") Long webhookEndpointId, @Param("now") Instant now);

    /** Holds an event for its disabled endpoint, only while {@code owner} holds the lease. */
    @Update("""
            UPDATE webhook_event
               SET state = 'HELD', attempt_count = attempt_count + #{attemptDelta},
                   run_failures = run_failures + #{failureDelta}, last_error = #{lastError},
                   webhook_endpoint_id = #{webhookEndpointId},
                   lease_owner = NULL, lease_until = NULL, updated_at = #{now}
             WHERE event_id = #{eventId} AND lease_owner = #{owner} AND state = 'PENDING'""")
    int hold(@Param("eventId") String eventId, @Param("owner") String owner, @Param("attemptDelta") int attemptDelta,
             @Param("failureDelta") int failureDelta, @Param("webhookEndpointId") Long webhookEndpointId,
             @Param("lastError") String lastError, @Param("now") Instant now);

    /** An enabled endpoint's held events, due now with a new run of the schedule ("replays what was missed"). */
    @Update("""
            UPDATE webhook_event
               SET state = 'PENDING', run_failures = 0, next_attempt_at = #{now}, updated_at = #{now}
             WHERE webhook_endpoint_id = #{webhookEndpointId} AND state = 'HELD'""")
    int replayHeld(@Param("webhookEndpointId") long webhookEndpointId, @Param("now") Instant now);

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
