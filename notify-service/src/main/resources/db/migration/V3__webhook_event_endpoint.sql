-- Issue 9: in-flight limits are per webhook endpoint, not per merchant, so the due-scan must be able to leave out
-- endpoints that have no free slot. endpoint = "scheme://host:port" of notify_url, or "app:<app_id>" when the event
-- goes to the app's own webhook URL (looked up only at delivery time). The key is computed once, at intake.
-- DEFAULT '': an instance of the previous version (rolling upgrade) still inserts without it; its rows share one key.
ALTER TABLE webhook_event
    ADD COLUMN endpoint VARCHAR(320) NOT NULL DEFAULT '' AFTER notify_url,
    DROP INDEX idx_webhook_event_due,
    -- the due-scan: state + time range, endpoint in the index so the per-endpoint filter needs no row lookup
    ADD KEY idx_webhook_event_due (state, next_attempt_at, endpoint);

-- Rows stored before: the URL up to its path is close enough to the key the service computes (an explicit default
-- port makes a second key for the same endpoint, which only gives those old rows a share of their own).
UPDATE webhook_event
   SET endpoint = CASE WHEN notify_url IS NULL THEN CONCAT('app:', app_id)
                       ELSE LEFT(LOWER(SUBSTRING_INDEX(notify_url, '/', 3)), 320) END;
