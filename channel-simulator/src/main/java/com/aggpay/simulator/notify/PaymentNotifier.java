package com.aggpay.simulator.notify;

import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;

/** Sends one protocol's "trade paid" notification; one bean per protocol. */
public interface PaymentNotifier {

    Protocol protocol();

    void paid(Trade trade);
}
