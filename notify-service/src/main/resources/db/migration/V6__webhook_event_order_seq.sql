-- The pay order an event is about and its number among that order's events (PaymentEvent.order_seq): an event is
-- not attempted while an earlier event of its order is still on its way, so a merchant gets a payment before its
-- refunds whatever order Kafka or retries brought them in. NULL for events from before numbering existed.
ALTER TABLE webhook_event
    ADD COLUMN pay_order_id VARCHAR(32) NULL AFTER request_id,
    ADD COLUMN order_seq    INT         NULL AFTER pay_order_id,
    ADD KEY idx_webhook_event_order (pay_order_id, order_seq);
