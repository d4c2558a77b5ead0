-- Pay orders: one row per (app_id, mch_order_no); the unique key is the idempotency guarantee.
CREATE TABLE pay_order (
    pay_order_id     VARCHAR(32)  NOT NULL PRIMARY KEY,
    mch_no           VARCHAR(32)  NOT NULL,
    app_id           VARCHAR(64)  NOT NULL,
    mch_order_no     VARCHAR(32)  NOT NULL,
    amount           BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    pay_way          VARCHAR(16)  NOT NULL,
    subject          VARCHAR(128) NOT NULL,
    body             VARCHAR(512) NULL,
    notify_url       VARCHAR(512) NULL,
    client_ip        VARCHAR(64)  NULL,
    channel_extra    TEXT         NULL,
    metadata         TEXT         NULL,
    state            VARCHAR(16)  NOT NULL,
    channel          VARCHAR(32)  NULL,
    out_trade_no     VARCHAR(32)  NULL,
    channel_trade_no VARCHAR(64)  NULL,
    pay_data_type    VARCHAR(16)  NULL,
    pay_data         TEXT         NULL,
    refunded_amount  BIGINT       NOT NULL DEFAULT 0,
    failure_code     VARCHAR(64)  NULL,
    -- while set and in the future, one request is asking the router for this order's trade
    placing_until    DATETIME(3)  NULL,
    created_at       DATETIME(3)  NOT NULL,
    expires_at       DATETIME(3)  NOT NULL,
    paid_at          DATETIME(3)  NULL,
    updated_at       DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_pay_order_app_mch_order_no (app_id, mch_order_no),
    KEY ix_pay_order_state_expires (state, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every trade the router opened (or tried to open) for an order, with its outcome class.
CREATE TABLE pay_attempt (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    pay_order_id   VARCHAR(32) NOT NULL,
    seq            INT         NOT NULL,
    channel        VARCHAR(32) NOT NULL,
    out_trade_no   VARCHAR(32) NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    channel_code   VARCHAR(64) NULL,
    latency_ms     BIGINT      NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    KEY ix_pay_attempt_order (pay_order_id, seq),
    KEY ix_pay_attempt_out_trade_no (out_trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id    VARCHAR(40)  NOT NULL,
    event_type  VARCHAR(32)  NOT NULL,
    msg_key     VARCHAR(64)  NOT NULL,
    payload     MEDIUMTEXT   NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    sent_at     DATETIME(3)  NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(512) NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unsent (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
