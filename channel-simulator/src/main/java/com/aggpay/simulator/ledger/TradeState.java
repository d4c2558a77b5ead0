package com.aggpay.simulator.ledger;

public enum TradeState {
    NOTPAY, PAID, CLOSED, REFUNDED
}
