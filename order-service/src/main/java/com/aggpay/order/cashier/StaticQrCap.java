package com.aggpay.order.cashier;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PBOC cap on static-code payments (银发〔2017〕296号): at most {@link CashierProperties#staticDailyCap()} per
 * payer per day across all of the platform's static codes. A payment is reserved in the transaction that inserts its
 * order, under a lock on the payer's day, so concurrent payments of one payer cannot both pass; it is given back
 * when its order ends unpaid (see {@link CashierPayments#heldOnDay}).
 */
@Component
public class StaticQrCap {

    private final CashierPayments payments;
    private final CashierProperties properties;
    private final Clock clock;

    public StaticQrCap(CashierPayments payments, CashierProperties properties, Clock clock) {
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    /** The calendar day that counts for a payment made now. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.capZone()));
    }

    /**
     * Holds {@code payment.amount} of the payer's day for the payment's order (already inserted in this
     * transaction), or throws {@link StaticQrCapExceeded} so the transaction, order included, rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(CashierPayment payment) {
        payments.lockPayerDay(payment.getPayerKey(), payment.getPayDay());
        // A plain read: its REPEATABLE READ snapshot is taken now, after the lock (the transaction's first read), so
        // it sees every payment of this payer that committed before; keep any other read of this transaction after.
        Long sum = payments.heldOnDay(payment.getPayerKey(), payment.getPayDay());
        long held = sum == null ? 0 : sum;
        if (held + payment.getAmount() > properties.staticDailyCap()) {
            throw new StaticQrCapExceeded(Math.max(0, properties.staticDailyCap() - held));
        }
        payments.insert(payment);
    }
}
