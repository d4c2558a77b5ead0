-- The W3C trace context (traceparent) of the request that wrote the event (issue 13). The relay publishes the event
-- later, from a scheduled job, and continues that request's trace from it, so the Kafka message and the webhook it
-- causes belong to the trace of the payment or callback. NULL for events written without a trace.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64) NULL;
