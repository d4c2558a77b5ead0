package com.aggpay.notify.store;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface DeliveryAttemptMapper {

    @Insert("""
            INSERT INTO delivery_attempt (event_id, attempt_no, url, started_at, duration_ms, http_status, error, outcome)
            VALUES (#{eventId}, #{attemptNo}, #{url}, #{startedAt}, #{durationMs}, #{httpStatus}, #{error}, #{outcome})""")
    int insert(DeliveryAttemptRow row);

    @Select("SELECT * FROM delivery_attempt WHERE event_id = #{eventId} ORDER BY attempt_no")
    List<DeliveryAttemptRow> findByEventId(String eventId);
}
