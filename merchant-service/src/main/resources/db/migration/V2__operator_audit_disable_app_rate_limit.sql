-- Every operator action (who, when, what, on what, before and after), written in the same transaction as the
-- change it describes. Append-only: nothing in the service updates or deletes a row.
CREATE TABLE operator_audit (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    operator    VARCHAR(64) NOT NULL,
    action      VARCHAR(32) NOT NULL,
    target      VARCHAR(128) NULL,
    before_json JSON        NULL,
    after_json  JSON        NULL,
    request_id  VARCHAR(64) NULL,
    KEY idx_operator_audit_operator (operator, occurred_at),
    KEY idx_operator_audit_target (target, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- NULL = active. A disabled operator cannot log in; the gateway refuses its tokens through Redis (docs/internals.md).
ALTER TABLE operator ADD COLUMN disabled_at DATETIME(3) NULL AFTER role;

-- An app's request limit; NULL = the platform default (aggpay.apps.default-rate-limit).
ALTER TABLE merchant_app
    ADD COLUMN rate_limit_per_second INT NULL AFTER rsa_public_key,
    ADD COLUMN rate_limit_burst      INT NULL AFTER rate_limit_per_second;
