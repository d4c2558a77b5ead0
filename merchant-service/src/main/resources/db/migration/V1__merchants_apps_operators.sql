-- Merchants: mch_no is handed out on approval, so it stays NULL until then.
CREATE TABLE merchant (
    merchant_id   VARCHAR(32)  NOT NULL PRIMARY KEY,
    mch_no        VARCHAR(16)  NULL,
    company_name  VARCHAR(128) NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    reject_reason VARCHAR(512) NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_merchant_mch_no UNIQUE (mch_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Apps belong to a merchant by merchant_id (an app can exist before approval, when there is no mch_no yet).
-- Secrets are SecretBox-sealed ("v1:<key id>:<base64>"), never plaintext.
CREATE TABLE merchant_app (
    app_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    merchant_id        VARCHAR(32)  NOT NULL,
    name               VARCHAR(128) NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    app_secret_enc     VARCHAR(512) NOT NULL,
    webhook_secret_enc VARCHAR(512) NOT NULL,
    webhook_url        VARCHAR(512) NULL,
    rsa_public_key     TEXT         NULL,
    created_at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY idx_merchant_app_merchant (merchant_id),
    CONSTRAINT fk_merchant_app_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE operator (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
