-- Stores and their static QR codes (issue 11). One row per code: a re-issue inserts a new row for the same store name
-- and app and marks the old one DISABLED with replaced_by, so a code is never handed out twice and an old printed
-- code keeps answering "disabled" rather than "unknown".
CREATE TABLE merchant_store (
    store_code  VARCHAR(32)  NOT NULL PRIMARY KEY,
    merchant_id VARCHAR(32)  NOT NULL,
    app_id      VARCHAR(64)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    replaced_by VARCHAR(32)  NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY idx_merchant_store_merchant (merchant_id, created_at),
    CONSTRAINT fk_merchant_store_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (merchant_id),
    CONSTRAINT fk_merchant_store_app FOREIGN KEY (app_id) REFERENCES merchant_app (app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
