-- Close, expiry and compensation of lost outcomes. next_query_at is when a PAYING order is next due for a query
-- (compensation) or a close (expiry); NULL = never scheduled yet (first due at created_at + the first delay).
-- A job instance claims an order by moving next_query_at forward with a conditional update (a lease), so several
-- instances never handle one order at once, and a crashed instance's claim simply lapses.
ALTER TABLE pay_order
    ADD COLUMN next_query_at DATETIME(3) NULL AFTER placing_until,
    ADD COLUMN query_tries   INT         NOT NULL DEFAULT 0 AFTER next_query_at,
    ADD KEY ix_pay_order_state_next_query (state, next_query_at);
