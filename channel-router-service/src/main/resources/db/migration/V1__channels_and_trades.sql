-- Upstream accounts the platform uses: data, not code. Credentials are sealed with SecretBox (AES-GCM).
CREATE TABLE channel_instance (
    name            VARCHAR(32)  NOT NULL PRIMARY KEY,
    type            VARCHAR(16)  NOT NULL,
    account_id      VARCHAR(64)  NOT NULL,
    pay_ways        VARCHAR(255) NOT NULL,
    enabled         TINYINT(1)   NOT NULL,
    priority        INT          NOT NULL,
    fee_rate_ppm    INT          NOT NULL,
    api_base_url    VARCHAR(255) NOT NULL,
    credentials_enc TEXT         NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Which channels a merchant may use.
CREATE TABLE merchant_contract (
    mch_no      VARCHAR(32) NOT NULL,
    channel     VARCHAR(32) NOT NULL,
    enabled     TINYINT(1)  NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (mch_no, channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every trade the router opened or tried to open, with its outcome class. UNKNOWN rows are orphans until closed.
CREATE TABLE trade_attempt (
    out_trade_no  VARCHAR(32) NOT NULL PRIMARY KEY,
    pay_order_id  VARCHAR(32) NOT NULL,
    seq           INT         NOT NULL,
    channel       VARCHAR(32) NOT NULL,
    pay_way       VARCHAR(16) NOT NULL,
    amount        BIGINT      NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    channel_code  VARCHAR(64) NULL,
    latency_ms    BIGINT      NOT NULL,
    tries         INT         NOT NULL DEFAULT 1,
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    KEY ix_trade_attempt_order (pay_order_id),
    KEY ix_trade_attempt_outcome (outcome, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
