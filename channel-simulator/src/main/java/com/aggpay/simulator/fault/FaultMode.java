package com.aggpay.simulator.fault;

/** The fault modes of API.md, "Channel simulator". */
public enum FaultMode {
    DOWN, SLOW, ERROR_5XX, TIMEOUT_AFTER_ACCEPT, DROP_NOTIFY, DUPLICATE_NOTIFY, BAD_SIGNATURE
}
