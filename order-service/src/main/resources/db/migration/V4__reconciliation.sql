-- Reconciliation (对账): one report per channel and Asia/Shanghai day; a re-run replaces it (and its lines).
CREATE TABLE reconciliation_report (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel        VARCHAR(32) NOT NULL,
    day            DATE        NOT NULL,
    matched_count  INT         NOT NULL,
    -- payments matched minus refunds matched, minor units: the money both sides agree moved that day
    matched_amount BIGINT      NOT NULL,
    bill_lines     INT         NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    UNIQUE KEY uk_reconciliation_report_channel_day (channel, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every difference found, as found: nothing here is ever applied to orders or refunds.
CREATE TABLE reconciliation_discrepancy (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id       BIGINT       NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    -- bill values are the channel's, so wider than our own trade numbers
    out_trade_no    VARCHAR(64)  NULL,
    out_refund_no   VARCHAR(64)  NULL,
    pay_order_id    VARCHAR(32)  NULL,
    platform_amount BIGINT       NULL,
    channel_amount  BIGINT       NULL,
    platform_state  VARCHAR(32)  NULL,
    channel_status  VARCHAR(32)  NULL,
    note            VARCHAR(255) NULL,
    KEY ix_reconciliation_discrepancy_report (report_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The scheduled morning run claims its day here (INSERT IGNORE), so it runs once across instances.
CREATE TABLE reconciliation_run (
    day        DATE        NOT NULL PRIMARY KEY,
    started_at DATETIME(3) NOT NULL,
    instance   VARCHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
