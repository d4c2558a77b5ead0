-- The W3C trace context the event arrived with (its Kafka message's traceparent), kept for every attempt: a retry
-- found by a later scan, or after a restart, continues the payment's trace like the first attempt does.
ALTER TABLE webhook_event ADD COLUMN traceparent VARCHAR(64) NULL AFTER request_id;
