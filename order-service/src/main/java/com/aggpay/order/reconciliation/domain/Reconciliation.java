package com.aggpay.order.reconciliation.domain;

import java.util.List;

/**
 * The outcome of comparing one bill with the platform's records.
 *
 * @param matchedCount  payments and refunds both sides agree on
 * @param matchedAmount matched payments minus matched refunds (minor units): the net money both sides agree moved
 */
public record Reconciliation(int matchedCount, long matchedAmount, List<Discrepancy> discrepancies) {
}
