-- Per-transaction limits and a daily amount cap per channel instance (minor units); NULL means no limit.
ALTER TABLE channel_instance
    ADD COLUMN min_amount BIGINT NOT NULL DEFAULT 1 AFTER fee_rate_ppm,
    ADD COLUMN max_amount BIGINT NULL AFTER min_amount,
    ADD COLUMN daily_cap  BIGINT NULL AFTER max_amount;
