package com.aggpay.simulator.bill;

import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Refunds;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a bill of one account and day lists, in both wallets' calendar (Asia/Shanghai): trades paid that day
 * (including injected ones) and refunds that succeeded that day. Each protocol writes them in its own format.
 */
@Component
public class BillDay {

    /** The simulated channel's own price; real rates are per merchant contract. */
    private static final BigDecimal FEE_RATE = new BigDecimal("0.006");

    private final Ledger ledger;
    private final Refunds refunds;

    public BillDay(Ledger ledger, Refunds refunds) {
        this.ledger = ledger;
        this.refunds = refunds;
    }

    public List<Trade> payments(String account, LocalDate day) {
        return ledger.trades(account).stream().filter(t -> on(t.paidAt(), day)).toList();
    }

    public List<Refund> refunds(String account, LocalDate day) {
        return refunds.refunds(account).stream().filter(r -> on(r.succeededAt(), day)).toList();
    }

    /** The channel's fee on an amount, in fen, rounded half up (refunds give back the fee of their share). */
    public static long fee(long amount) {
        return BigDecimal.valueOf(amount).multiply(FEE_RATE).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public static String feeRate() {
        return FEE_RATE.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static boolean on(OffsetDateTime time, LocalDate day) {
        return time != null && time.atZoneSameInstant(TradeNumbers.CHINA).toLocalDate().equals(day);
    }
}
