package com.aggpay.notify.store;

/** A due event as the scan sees it: just enough to decide whether its merchant has a free slot. */
public record DueEvent(Long id, String mchNo) {
}
