-- The number of the last event announced about the order: each event gets the next one in the transaction of the
-- change it announces, so consumers can deliver one order's events in the order they happened.
ALTER TABLE pay_order ADD COLUMN event_seq INT NOT NULL DEFAULT 0;
