package com.aggpay.bench;

/**
 * What the open loop tells about each order it pays, so that something can follow the order to its webhooks: the
 * cycle mode's single receiver ({@link CycleTracker}) or the webhook mode's fleet of endpoints ({@link FleetTracker}).
 */
interface PaymentTracker {

    /**
     * An order was created.
     *
     * @param mchOrderNo the merchant's order number from the answer (it tells which notify URL the order went to);
     *                   null if the answer had none
     * @param measured   whether the arrival lies in the measured window
     */
    void created(String payOrderId, String mchOrderNo, boolean measured);

    /** The simulated wallet's payment of the order answered 200 at {@code nanos} ({@link System#nanoTime()}). */
    void paid(String payOrderId, long nanos);
}
