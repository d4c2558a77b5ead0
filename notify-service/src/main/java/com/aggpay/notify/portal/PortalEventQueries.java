package com.aggpay.notify.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only keyset listing of webhook events with their attempts: one range scan for the page (indexes
 * {@code (mch_no, created_at)}, {@code (state, created_at)}, {@code (created_at)}, each ending in the primary key
 * the cursor breaks ties on) and one query for all of the page's attempts. Plain JDBC here because only the store
 * package may use MyBatis and these reads change nothing.
 */
@Component
class PortalEventQueries {

    private final NamedParameterJdbcTemplate jdbc;

    PortalEventQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PortalEventView.Page page(EventFilter filter, EventCursor after) {
        StringBuilder sql = new StringBuilder("SELECT id, event_id, webhook_type, mch_no, app_id, notify_url, state,"
                + " attempt_count, next_attempt_at, delivered_at, last_error, created_at, body FROM webhook_event"
                + " WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.mchNo() != null) {
            sql.append(" AND mch_no = :mchNo");
            params.addValue("mchNo", filter.mchNo());
        }
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            params.addValue("state", filter.state().name());
        }
        if (filter.webhookType() != null) {
            sql.append(" AND webhook_type = :type");
            params.addValue("type", filter.webhookType());
        }
        if (after != null) {
            sql.append(" AND created_at <= :at AND (created_at < :at OR id < :id)");
            params.addValue("at", Timestamp.from(after.createdAt())).addValue("id", after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        // one more than shown: whether a next page exists, without a COUNT
        params.addValue("limit", filter.limit() + 1);
        List<Row> rows = jdbc.query(sql.toString(), params, PortalEventQueries::row);
        boolean more = rows.size() > filter.limit();
        List<Row> shown = more ? rows.subList(0, filter.limit()) : rows;
        Map<String, List<PortalEventView.Attempt>> attempts = attemptsOf(shown.stream().map(r -> r.view.eventId())
                .toList());
        List<PortalEventView> items = shown.stream().map(r -> r.withAttempts(
                attempts.getOrDefault(r.view.eventId(), List.of()))).toList();
        String next = more ? new EventCursor(shown.get(shown.size() - 1).view.createdAt(),
                shown.get(shown.size() - 1).id).encode() : null;
        return new PortalEventView.Page(items, next);
    }

    /** The event with its attempts, if it exists and belongs to {@code mchNo}. */
    PortalEventView one(String eventId, String mchNo) {
        List<Row> rows = jdbc.query("SELECT id, event_id, webhook_type, mch_no, app_id, notify_url, state,"
                        + " attempt_count, next_attempt_at, delivered_at, last_error, created_at, body"
                        + " FROM webhook_event WHERE event_id = :eventId AND mch_no = :mchNo",
                new MapSqlParameterSource("eventId", eventId).addValue("mchNo", mchNo), PortalEventQueries::row);
        return rows.isEmpty() ? null
                : rows.get(0).withAttempts(attemptsOf(List.of(eventId)).getOrDefault(eventId, List.of()));
    }

    private Map<String, List<PortalEventView.Attempt>> attemptsOf(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, List<PortalEventView.Attempt>> byEvent = new LinkedHashMap<>();
        jdbc.query("SELECT event_id, attempt_no, url, started_at, duration_ms, http_status, outcome, error,"
                        + " response_excerpt FROM delivery_attempt WHERE event_id IN (:ids) ORDER BY event_id, attempt_no",
                new MapSqlParameterSource("ids", eventIds), rs -> {
                    int status = rs.getInt("http_status");
                    Integer httpStatus = rs.wasNull() ? null : status;
                    byEvent.computeIfAbsent(rs.getString("event_id"), e -> new ArrayList<>()).add(
                            new PortalEventView.Attempt(rs.getInt("attempt_no"), rs.getString("url"),
                                    instant(rs, "started_at"), rs.getLong("duration_ms"), httpStatus,
                                    rs.getString("outcome"), rs.getString("error"), rs.getString("response_excerpt")));
                });
        return byEvent.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Row(long id, PortalEventView view) {
        PortalEventView withAttempts(List<PortalEventView.Attempt> attempts) {
            PortalEventView v = view;
            return new PortalEventView(v.eventId(), v.type(), v.mchNo(), v.appId(), v.notifyUrl(), v.state(),
                    v.attemptCount(), v.nextAttemptAt(), v.deliveredAt(), v.lastError(), v.createdAt(), v.body(),
                    attempts);
        }
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), new PortalEventView(rs.getString("event_id"), rs.getString("webhook_type"),
                rs.getString("mch_no"), rs.getString("app_id"), rs.getString("notify_url"), rs.getString("state"),
                rs.getInt("attempt_count"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"),
                rs.getString("last_error"), instant(rs, "created_at"), rs.getString("body"), null));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
