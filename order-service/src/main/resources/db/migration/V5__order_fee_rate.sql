-- The channel's fee rate (parts per million) when the order's trade was opened: statements price each order at the
-- rate it was taken at, not at whatever the channel's rate is when the statement is made. NULL for orders opened
-- before this column existed; statements fall back to the channel's current rate for those.
ALTER TABLE pay_order ADD COLUMN fee_rate_ppm INT NULL AFTER pay_data;
