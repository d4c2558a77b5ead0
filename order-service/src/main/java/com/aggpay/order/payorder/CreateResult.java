package com.aggpay.order.payorder;

import com.aggpay.order.payorder.domain.Violation;
/** What a create request came to. Business outcomes are values; only faults are exceptions. */
public sealed interface CreateResult {

    /** A new order; its trade was opened (or, see {@link #order()}'s state, could not be). */
    record Created(PayOrderView order) implements CreateResult {
    }

    /** The same request again: the existing order, never a second charge. */
    record Repeated(PayOrderView order) implements CreateResult {
    }

    record Conflict(PayOrderView existing) implements CreateResult {
    }

    record Invalid(Violation violation) implements CreateResult {
    }

    /** Every candidate channel refused: the order is FAILED and can be queried. */
    record NoChannel(PayOrderView order) implements CreateResult {
    }

    /** The router did not answer: the order stays PAYING without pay data; repeating the request tries again. */
    record RouterUnavailable(PayOrderView order) implements CreateResult {
    }
}
