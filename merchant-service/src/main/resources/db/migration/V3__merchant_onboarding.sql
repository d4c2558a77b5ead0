-- Issue 10: merchants onboard themselves (users, KYC, review) and manage their apps' keys.

-- A merchant's portal users. The email is the login; the table's collation ignores case, so one address is one user.
CREATE TABLE merchant_user (
    user_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    merchant_id   VARCHAR(32)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    disabled_at   DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_merchant_user_email UNIQUE (email),
    KEY idx_merchant_user_merchant (merchant_id),
    CONSTRAINT fk_merchant_user_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_general_ci;

-- The KYC form, one per merchant, edited while DRAFT or REJECTED. The ID and settlement account numbers are sealed
-- (SecretBox); their last four characters are kept apart for the masked views, so showing a form opens nothing.
-- The licence image is a file outside the database (KycLicences); the row keeps its name, type, size and digest.
CREATE TABLE merchant_kyc (
    merchant_id              VARCHAR(32)  NOT NULL PRIMARY KEY,
    company_name             VARCHAR(128) NULL,
    uscc                     CHAR(18)     NULL,
    legal_person             VARCHAR(64)  NULL,
    legal_person_id_no_enc   VARCHAR(512) NULL,
    legal_person_id_no_last4 CHAR(4)      NULL,
    contact_phone            VARCHAR(20)  NULL,
    business_category        VARCHAR(32)  NULL,
    settlement_account_name  VARCHAR(128) NULL,
    settlement_bank          VARCHAR(128) NULL,
    settlement_account_no_enc   VARCHAR(512) NULL,
    settlement_account_no_last4 CHAR(4)      NULL,
    licence_file             VARCHAR(128) NULL,
    licence_content_type     VARCHAR(32)  NULL,
    licence_size             INT          NULL,
    licence_sha256           CHAR(64)     NULL,
    submitted_at             DATETIME(3)  NULL,
    created_at               DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at               DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_merchant_kyc_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The merchant's onboarding history as it sees it: signup, submissions, the operators' decisions with their reasons.
-- Append-only. Operator decisions are also in operator_audit, with the before and after state.
CREATE TABLE merchant_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    merchant_id VARCHAR(32)  NOT NULL,
    occurred_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    actor_type  VARCHAR(16)  NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    reason      VARCHAR(512) NULL,
    KEY idx_merchant_history_merchant (merchant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- mch_no on approval: M20001, M20002, ... (M10001 is the local demo merchant's).
CREATE TABLE mch_no_sequence (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE = InnoDB AUTO_INCREMENT = 20001;

-- Secret rotation: the previous app secret keeps verifying until previous_secret_valid_until.
ALTER TABLE merchant_app
    ADD COLUMN previous_app_secret_enc     VARCHAR(512) NULL AFTER app_secret_enc,
    ADD COLUMN previous_secret_valid_until DATETIME(3)  NULL AFTER previous_app_secret_enc;

CREATE INDEX idx_merchant_state ON merchant (state, created_at);
