package com.aggpay.order.outbox;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxEvents extends BaseMapper<OutboxEvent> {

    /** Oldest unsent first; rows another relay instance holds are skipped, never waited for. */
    @Select("SELECT * FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<OutboxEvent> lockUnsent(@Param("limit") int limit);

    @Update("""
            <script>UPDATE outbox_event SET sent_at = #{now} WHERE sent_at IS NULL AND id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach></script>""")
    int markSent(@Param("ids") List<Long> ids, @Param("now") LocalDateTime now);

    @Update("UPDATE outbox_event SET attempts = attempts + 1, last_error = #{error} WHERE id = #{id}")
    int markFailed(@Param("id") long id, @Param("error") String error);

    @Select("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL")
    long countUnsent();
}
