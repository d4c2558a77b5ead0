-- Issue 12: the state of each merchant's webhook endpoint, one row per merchant and URL (an app's webhook_url or an
-- order's notify_url), as the merchant sees it. Isolation inside the engine stays per scheme+host+port (the
-- webhook_event.endpoint key); this table is about whether a URL should be called at all.
-- state: ACTIVE | FAILING (its last attempts failed) | DISABLED (410 Gone, or failing too long without a success);
-- a DISABLED endpoint's events are HELD until it is enabled again, which replays them.
CREATE TABLE webhook_endpoint (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    mch_no               VARCHAR(32)   NOT NULL,
    url                  VARCHAR(1024) NOT NULL,
    -- SHA-256 of url (hex): a URL of up to 1024 characters is too long for a unique key of its own
    url_hash             CHAR(64)      NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    disabled_reason      VARCHAR(32)   NULL,
    disabled_at          DATETIME(3)   NULL,
    -- the first failure after the last success; NULL while the last attempt succeeded
    failing_since        DATETIME(3)   NULL,
    consecutive_failures INT           NOT NULL DEFAULT 0,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_endpoint_url (mch_no, url_hash),
    KEY idx_webhook_endpoint_state (state, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The endpoint an event was last sent to (or is held for): replaying a re-enabled endpoint's held events and
-- counting its pending ones are index range scans. NULL until the first attempt that reached a URL.
ALTER TABLE webhook_event
    ADD COLUMN webhook_endpoint_id BIGINT NULL AFTER endpoint,
    ADD KEY idx_webhook_event_webhook_endpoint (webhook_endpoint_id, state);

-- Which endpoint an attempt went to: an endpoint's last errors are a few short index range scans (one per outcome).
ALTER TABLE delivery_attempt
    ADD COLUMN webhook_endpoint_id BIGINT NULL AFTER url,
    ADD KEY idx_delivery_attempt_webhook_endpoint (webhook_endpoint_id, outcome, started_at);
