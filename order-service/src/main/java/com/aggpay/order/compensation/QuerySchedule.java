package com.aggpay.order.compensation;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * When each PAYING order is next due for a query (compensation) or a close (expiry), on {@code pay_order}.
 * {@code next_query_at} NULL means never scheduled: then the order is first due {@code firstQueryDelay} after creation.
 */
@Mapper
public interface QuerySchedule {

    /** Unexpired orders with a handed-out trade whose next query is due. */
    @Select("""
            SELECT pay_order_id, next_query_at, query_tries FROM pay_order
             WHERE state = 'PAYING' AND pay_data IS NOT NULL AND expires_at > #{now}
               AND (next_query_at <= #{now} OR (next_query_at IS NULL AND created_at <= #{createdBefore}))
             ORDER BY created_at LIMIT #{limit}""")
    List<DueOrder> dueForQuery(@Param("now") LocalDateTime now, @Param("createdBefore") LocalDateTime createdBefore,
                               @Param("limit") int limit);

    @Select("""
            SELECT COUNT(*) FROM pay_order
             WHERE state = 'PAYING' AND pay_data IS NOT NULL AND expires_at > #{now}
               AND (next_query_at <= #{now} OR (next_query_at IS NULL AND created_at <= #{createdBefore}))""")
    long countDueForQuery(@Param("now") LocalDateTime now, @Param("createdBefore") LocalDateTime createdBefore);

    /** Expired orders not closed yet, unless another instance holds them or an unclear close waits for its retry. */
    @Select("""
            SELECT pay_order_id, next_query_at, query_tries FROM pay_order
             WHERE state = 'PAYING' AND expires_at <= #{now} AND (next_query_at IS NULL OR next_query_at <= #{now})
             ORDER BY expires_at LIMIT #{limit}""")
    List<DueOrder> dueForExpiry(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM pay_order WHERE state = 'PAYING' AND expires_at <= #{now}")
    long countExpiredNotClosed(@Param("now") LocalDateTime now);

    /**
     * Takes the order for one query or close, if it is still due: the update re-reads the row under its lock, so of
     * several instances that scanned it only the first moves it past {@code now} and gets 1. (It does not compare the
     * scanned value itself: the driver sends times to whole seconds, which would never match a stored fraction.)
     * The lease keeps other instances away; if this one dies, the lease lapses and another takes over.
     */
    @Update("""
            UPDATE pay_order SET next_query_at = #{leaseUntil}, query_tries = query_tries + 1
             WHERE pay_order_id = #{payOrderId} AND state = 'PAYING'
               AND (next_query_at IS NULL OR next_query_at <= #{now})""")
    int claim(@Param("payOrderId") String payOrderId, @Param("now") LocalDateTime now,
              @Param("leaseUntil") LocalDateTime leaseUntil);

    /** Nothing final yet: due again at {@code next}. */
    @Update("UPDATE pay_order SET next_query_at = #{next} WHERE pay_order_id = #{payOrderId} AND state = 'PAYING'")
    int postpone(@Param("payOrderId") String payOrderId, @Param("next") LocalDateTime next);
}
