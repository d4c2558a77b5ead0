package com.aggpay.order.reconciliation.domain;

/** Which way the money of a bill line or a platform record went. */
public enum Kind { PAYMENT, REFUND }
