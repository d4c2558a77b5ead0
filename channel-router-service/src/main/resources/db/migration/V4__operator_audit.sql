-- Every operator action on the router (channels, contracts, routing policies, circuit resets): who, when, what, and
-- the configuration before and after as JSON. Written in the same transaction as the change it records. Credentials
-- never appear: the audited fields are configuration only, and sealed credentials are named, never shown.
CREATE TABLE operator_audit (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(3)  NOT NULL,
    operator     VARCHAR(64)  NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    target       VARCHAR(128) NOT NULL,
    before_json  TEXT         NULL,
    after_json   TEXT         NULL,
    request_id   VARCHAR(64)  NULL,
    KEY ix_operator_audit_target (target, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
