package com.aggpay.notify.store;

import java.time.Instant;

/** One failed attempt at an endpoint, for the merchant's banner: when, what it answered, why it failed. */
public record EndpointError(Instant at, Integer httpStatus, String outcome, String error, String responseExcerpt) {
}
