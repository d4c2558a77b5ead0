-- The merchant portal's reads (issue 10), each one range scan however many orders a merchant has:
-- keyset pages newest first, (created_at, pay_order_id) being the cursor; InnoDB would append the primary key to a
-- secondary index anyway, naming it makes the order of the scan explicit.
ALTER TABLE pay_order
    ADD KEY ix_pay_order_mch_created (mch_no, created_at, pay_order_id),
    -- the list filtered by state: a rare state (FAILED) would otherwise walk the whole merchant
    ADD KEY ix_pay_order_mch_state_created (mch_no, state, created_at, pay_order_id),
    -- search by the merchant's own order number across all its apps
    ADD KEY ix_pay_order_mch_order_no (mch_no, mch_order_no),
    -- the dashboard's paid volume and the merchant statement: payments of one day
    ADD KEY ix_pay_order_mch_paid (mch_no, paid_at);

ALTER TABLE refund
    ADD KEY ix_refund_mch_created (mch_no, created_at, refund_id),
    -- the merchant statement: refunds that succeeded on one day
    ADD KEY ix_refund_mch_succeeded (mch_no, succeeded_at);
