-- One row per payment event; body is stored once so that every attempt sends identical bytes.
CREATE TABLE webhook_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    event_id        VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(32)   NOT NULL,
    webhook_type    VARCHAR(32)   NOT NULL,
    mch_no          VARCHAR(32)   NOT NULL,
    app_id          VARCHAR(64)   NOT NULL,
    -- NULL: use the app's webhook_url, looked up at delivery time so a URL configured later still works
    notify_url      VARCHAR(1024) NULL,
    request_id      VARCHAR(64)   NULL,
    body            MEDIUMTEXT    NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    -- every attempt ever made (numbering of delivery_attempt); run_failures restarts at 0 on a resend
    attempt_count   INT           NOT NULL DEFAULT 0,
    run_failures    INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    lease_owner     VARCHAR(96)   NULL,
    lease_until     DATETIME(3)   NULL,
    delivered_at    DATETIME(3)   NULL,
    last_error      VARCHAR(255)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_event_event_id (event_id),
    -- the due-scan: state + time range, mch_no in the index so the per-merchant filter needs no row lookup
    KEY idx_webhook_event_due (state, next_attempt_at, mch_no),
    KEY idx_webhook_event_app (app_id, created_at),
    KEY idx_webhook_event_mch (mch_no, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE delivery_attempt (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    VARCHAR(64)   NOT NULL,
    attempt_no  INT           NOT NULL,
    url         VARCHAR(1024) NULL,
    started_at  DATETIME(3)   NOT NULL,
    duration_ms BIGINT        NOT NULL,
    http_status INT           NULL,
    error       VARCHAR(255)  NULL,
    outcome     VARCHAR(24)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delivery_attempt_event_no (event_id, attempt_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
