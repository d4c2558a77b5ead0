package com.aggpay.order.refund;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The refunds. Every state change leaves PROCESSING with a conditional update, so a notification and a query
 * that race apply once: the one that changes a row does the follow-up, the other sees 0 rows and does nothing.
 */
@Mapper
public interface Refunds extends BaseMapper<Refund> {

    @Select("SELECT * FROM refund WHERE app_id = #{appId} AND mch_refund_no = #{mchRefundNo}")
    Refund findByMchRefundNo(@Param("appId") String appId, @Param("mchRefundNo") String mchRefundNo);

    @Select("SELECT * FROM refund WHERE out_refund_no = #{outRefundNo}")
    Refund findByOutRefundNo(@Param("outRefundNo") String outRefundNo);

    @Update("""
            UPDATE refund SET state = 'SUCCESS', channel_refund_no = COALESCE(#{channelRefundNo}, channel_refund_no),
                   succeeded_at = #{succeededAt}, next_query_at = NULL, updated_at = #{now}
             WHERE refund_id = #{refundId} AND state = 'PROCESSING'""")
    int markSucceeded(@Param("refundId") String refundId, @Param("channelRefundNo") String channelRefundNo,
                      @Param("succeededAt") LocalDateTime succeededAt, @Param("now") LocalDateTime now);

    @Update("""
            UPDATE refund SET state = 'FAILED', failure_code = #{failureCode}, next_query_at = NULL, updated_at = #{now}
             WHERE refund_id = #{refundId} AND state = 'PROCESSING'""")
    int markFailed(@Param("refundId") String refundId, @Param("failureCode") String failureCode,
                   @Param("now") LocalDateTime now);

    /** The channel accepted it and named its refund number; the result comes later. */
    @Update("""
            UPDATE refund SET channel_refund_no = COALESCE(#{channelRefundNo}, channel_refund_no), updated_at = #{now}
             WHERE refund_id = #{refundId} AND state = 'PROCESSING'""")
    int recordAccepted(@Param("refundId") String refundId, @Param("channelRefundNo") String channelRefundNo,
                       @Param("now") LocalDateTime now);

    @Select("""
            SELECT * FROM refund WHERE state = 'PROCESSING' AND next_query_at <= #{now}
             ORDER BY next_query_at LIMIT #{limit}""")
    List<Refund> dueForQuery(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /**
     * Claims one query round of a refund: only the instance whose update matches the tries it saw asks the channel;
     * the next round is scheduled at once, so a crash mid-query only delays it.
     */
    @Update("""
            UPDATE refund SET query_tries = query_tries + 1, next_query_at = #{next}
             WHERE refund_id = #{refundId} AND state = 'PROCESSING' AND query_tries = #{seenTries}
               AND next_query_at <= #{now}""")
    int claimQuery(@Param("refundId") String refundId, @Param("seenTries") int seenTries,
                   @Param("now") LocalDateTime now, @Param("next") LocalDateTime next);

    @Select("SELECT COUNT(*) FROM refund WHERE state = 'PROCESSING'")
    long countProcessing();
}
