-- What is being refunded right now: reserved by the conditional update that admits a refund, released when the
-- refund ends. refunded_amount + refunding_amount never exceeds amount, whatever runs concurrently.
ALTER TABLE pay_order ADD COLUMN refunding_amount BIGINT NOT NULL DEFAULT 0 AFTER refunded_amount;

-- Refunds: one row per (app_id, mch_refund_no); the unique key is the idempotency guarantee.
CREATE TABLE refund (
    refund_id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    pay_order_id      VARCHAR(32)  NOT NULL,
    app_id            VARCHAR(64)  NOT NULL,
    mch_no            VARCHAR(32)  NOT NULL,
    mch_refund_no     VARCHAR(32)  NOT NULL,
    -- what the channel sees: refund_id without its prefix (24 hex digits fit every channel's rules)
    out_refund_no     VARCHAR(32)  NOT NULL,
    amount            BIGINT       NOT NULL,
    reason            VARCHAR(128) NULL,
    state             VARCHAR(16)  NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    channel_refund_no VARCHAR(64)  NULL,
    failure_code      VARCHAR(64)  NULL,
    created_at        DATETIME(3)  NOT NULL,
    succeeded_at      DATETIME(3)  NULL,
    updated_at        DATETIME(3)  NOT NULL,
    -- while PROCESSING: when the channel is next asked, and how often it was asked already
    next_query_at     DATETIME(3)  NULL,
    query_tries       INT          NOT NULL DEFAULT 0,
    UNIQUE KEY uk_refund_app_mch_refund_no (app_id, mch_refund_no),
    UNIQUE KEY uk_refund_out_refund_no (out_refund_no),
    KEY ix_refund_order (pay_order_id),
    KEY ix_refund_state_next_query (state, next_query_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
