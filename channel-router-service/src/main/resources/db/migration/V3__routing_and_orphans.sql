-- Routing: a weight per channel for the weighted split, merchant-specific caps and sub-merchant ids per contract,
-- and the routing policy per merchant with a platform default (mch_no = '*').
ALTER TABLE channel_instance ADD COLUMN weight INT NOT NULL DEFAULT 100 AFTER priority;

ALTER TABLE merchant_contract
    ADD COLUMN sub_mch_id VARCHAR(64) NULL AFTER channel,
    ADD COLUMN daily_cap  BIGINT      NULL AFTER sub_mch_id,
    ADD COLUMN updated_at DATETIME(3) NULL;

CREATE TABLE routing_policy (
    mch_no             VARCHAR(32)  NOT NULL PRIMARY KEY,
    strategy           VARCHAR(16)  NOT NULL,
    min_sample         INT          NOT NULL,
    exploration_share  DECIMAL(5,4) NOT NULL,
    updated_at         DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO routing_policy (mch_no, strategy, min_sample, exploration_share, updated_at)
VALUES ('*', 'SUCCESS_RATE', 20, 0.0500, NOW(3));

-- The trade handed out is remembered with its pay data, so asking again for the same order returns it instead of
-- opening another; every other trade of an order is closed upstream in the background.
ALTER TABLE trade_attempt
    ADD COLUMN pay_data_type  VARCHAR(16) NULL AFTER latency_ms,
    ADD COLUMN pay_data       TEXT        NULL AFTER pay_data_type,
    ADD COLUMN quota_reserved TINYINT(1)  NOT NULL DEFAULT 0 AFTER pay_data,
    ADD COLUMN mch_no         VARCHAR(32) NULL AFTER pay_order_id,
    ADD COLUMN close_state    VARCHAR(16) NULL AFTER quota_reserved,
    ADD COLUMN close_tries    INT         NOT NULL DEFAULT 0 AFTER close_state,
    ADD COLUMN next_close_at  DATETIME(3) NULL AFTER close_tries,
    ADD KEY ix_trade_attempt_close (close_state, next_close_at);
