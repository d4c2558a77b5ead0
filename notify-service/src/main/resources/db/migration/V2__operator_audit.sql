-- Every operator action on notify-service (issue 8), e.g. a webhook resend: who, when, what, on which target, and
-- the state before and after, stored rather than only logged. Rows are only ever inserted.
CREATE TABLE operator_audit (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(3)   NOT NULL,
    operator    VARCHAR(64)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(128)  NOT NULL,
    before_json TEXT          NULL,
    after_json  TEXT          NULL,
    request_id  VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    KEY idx_operator_audit_time (occurred_at),
    KEY idx_operator_audit_target (target, occurred_at),
    KEY idx_operator_audit_operator (operator, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
