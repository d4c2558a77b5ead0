package com.aggpay.notify.store;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface DeliveryAttemptMapper {

    /** The delivery log of several attempts in one statement. */
    @Insert("""
            <script>
            INSERT INTO delivery_attempt (event_id, attempt_no, url, webhook_endpoint_id, started_at, duration_ms,
                                          http_status, error, outcome, response_excerpt)
            VALUES
            <foreach collection="rows" item="a" separator=",">
              (#{a.eventId}, #{a.attemptNo}, #{a.url}, #{a.webhookEndpointId}, #{a.startedAt}, #{a.durationMs},
               #{a.httpStatus}, #{a.error}, #{a.outcome}, #{a.responseExcerpt})
            </foreach>
            </script>""")
    int insertAll(@Param("rows") List<DeliveryAttemptRow> rows);

    @Select("SELECT * FROM delivery_attempt WHERE event_id = #{eventId} ORDER BY attempt_no")
    List<DeliveryAttemptRow> findByEventId(String eventId);
}
