-- Issue 10, the merchant portal's and the operators' webhook pages.
-- What the merchant's endpoint answered: the first 256 bytes of the body (UTF-8, malformed bytes replaced), so a
-- merchant can see why its server refused an event. NULL for attempts with no answer body (or none at all).
ALTER TABLE delivery_attempt ADD COLUMN response_excerpt VARCHAR(256) NULL AFTER error;

-- Keyset pages newest first over all merchants (operators), optionally one state; per merchant the existing
-- idx_webhook_event_mch (mch_no, created_at) serves (InnoDB appends the primary key id, the cursor's tie-breaker).
ALTER TABLE webhook_event
    ADD KEY idx_webhook_event_created (created_at),
    ADD KEY idx_webhook_event_state_created (state, created_at);
