package com.aggpay.order.refund.domain;

import com.aggpay.order.payorder.domain.Violation;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a refund request must look like before anything is looked up. No I/O. */
public final class RefundRules {

    private static final Pattern MCH_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** WeChat Pay allows 80 characters of reason, the tightest of the channels. */
    static final int MAX_REASON = 80;
    static final long MAX_AMOUNT = 100_000_000L;

    private RefundRules() {
    }

    public static Optional<Violation> check(CreateRefundRequest r) {
        if (blank(r.payOrderId()) && blank(r.mchOrderNo())) {
            return Optional.of(new Violation(Violation.Kind.REQUIRED, "pay_order_id",
                    "Give the order as pay_order_id or mch_order_no."));
        }
        if (blank(r.mchRefundNo())) {
            return Optional.of(new Violation(Violation.Kind.REQUIRED, "mch_refund_no", "mch_refund_no is required."));
        }
        if (!MCH_NO.matcher(r.mchRefundNo()).matches()) {
            return Optional.of(new Violation(Violation.Kind.INVALID, "mch_refund_no",
                    "mch_refund_no must be 1-32 of [A-Za-z0-9_-]."));
        }
        if (r.amount() == null) {
            return Optional.of(new Violation(Violation.Kind.REQUIRED, "amount", "amount is required."));
        }
        if (r.amount() < 1 || r.amount() > MAX_AMOUNT) {
            return Optional.of(new Violation(Violation.Kind.INVALID, "amount",
                    "amount must be between 1 and " + MAX_AMOUNT + " minor units."));
        }
        if (r.reason() != null && r.reason().length() > MAX_REASON) {
            return Optional.of(new Violation(Violation.Kind.INVALID, "reason",
                    "reason must be at most " + MAX_REASON + " characters."));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
