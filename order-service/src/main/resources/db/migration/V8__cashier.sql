-- The platform's cashier (API.md, "The aggregated cashier").

-- A QR_CASHIER order is created without a trade; once a payer's wallet is known the trade is opened with that
-- wallet's pay way (WX_JSAPI, ALI_JSAPI, UP_JSAPI), kept here. NULL for every other order.
ALTER TABLE pay_order ADD COLUMN wallet_pay_way VARCHAR(16) NULL AFTER pay_way;

-- Who pays an order through the cashier: the payer (wallet and the wallet's id for them, never from the browser)
-- and, for a store's static code, the store and the day that counts against the PBOC cap (银发〔2017〕296号).
CREATE TABLE cashier_payment (
    pay_order_id VARCHAR(32)  NOT NULL PRIMARY KEY,
    payer_key    VARCHAR(200) NOT NULL,
    static_code  TINYINT(1)   NOT NULL,
    store_code   VARCHAR(64)  NULL,
    store_name   VARCHAR(128) NULL,
    pay_day      DATE         NOT NULL,
    amount       BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    KEY ix_cashier_payment_payer_day (payer_key, pay_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per payer and Asia/Shanghai day, locked while a static-code payment is reserved against the daily cap:
-- reservations of one payer are serialized, so two phones of one payer cannot both pass a nearly spent cap.
CREATE TABLE static_qr_payer_day (
    payer_key VARCHAR(200) NOT NULL,
    pay_day   DATE         NOT NULL,
    PRIMARY KEY (payer_key, pay_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
