package com.aggpay.simulator.fault;

/** @param rate share of calls hit, 0..1 */
public record Fault(String account, FaultMode mode, double rate, long latencyMs) {
}
