package com.aggpay.merchant.operator.account;

import com.aggpay.merchant.audit.AuditAction;
import com.aggpay.merchant.audit.AuditTrail;
import com.aggpay.merchant.operator.Operator;
import com.aggpay.merchant.operator.Operators;
import com.aggpay.merchant.operator.TokenRevocations;
import com.aggpay.merchant.operator.login.OperatorLoginProperties;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables and enables operators. Disabling stops the logins at once (the login reads {@code disabled_at}) and
 * revokes every token the operator holds through Redis, where the gateway looks on every operator call. Each change
 * is audited in the same transaction; the Redis write comes last, so if it fails nothing is committed.
 */
@Service
public class OperatorAccounts {

    /**
     * Tokens issued this long after a disable are revoked too: a login that was already past its password check when
     * the disable committed would otherwise still get a working token. A re-enable lowers the cut-off again
     * ({@link TokenRevocations#allowFrom}).
     */
    static final Duration LOGINS_IN_FLIGHT = Duration.ofSeconds(5);

    private final Operators operators;
    private final TokenRevocations revocations;
    private final AuditTrail auditTrail;
    private final OperatorLoginProperties loginPolicy;
    private final Clock clock;

    OperatorAccounts(Operators operators, TokenRevocations revocations, AuditTrail auditTrail,
                     OperatorLoginProperties loginPolicy, Clock clock) {
        this.operators = operators;
        this.revocations = revocations;
        this.auditTrail = auditTrail;
        this.loginPolicy = loginPolicy;
        this.clock = clock;
    }

    /** The answer to a disable or enable. */
    public record OperatorView(String username, String state) {

        static OperatorView of(String username, boolean disabled) {
            return new OperatorView(username, disabled ? "DISABLED" : "ACTIVE");
        }
    }

    public sealed interface Change {

        record Done(OperatorView operator) implements Change {
        }

        record UnknownOperator() implements Change {
        }

        /** Disabling yourself could leave nobody able to enable anyone again. */
        record Self() implements Change {
        }
    }

    @Transactional
    public Change disable(String actor, String username) {
        Operator operator = operators.findByUsername(username).orElse(null);
        if (operator == null) {
            return new Change.UnknownOperator();
        }
        if (operator.getUsername().equalsIgnoreCase(actor)) {
            return new Change.Self();
        }
        Instant now = clock.instant();
        if (!operator.isDisabled()) {
            operators.update(null, Wrappers.<Operator>lambdaUpdate()
                    .set(Operator::getDisabledAt, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .eq(Operator::getUsername, operator.getUsername()));
        }
        OperatorView after = OperatorView.of(operator.getUsername(), true);
        auditTrail.record(actor, AuditAction.OPERATOR_DISABLED, target(operator),
                OperatorView.of(operator.getUsername(), operator.isDisabled()), after);
        // Again when already disabled: it costs nothing and puts back a cut-off Redis may have lost.
        revocations.revokeAllOf(operator.getUsername(), now.plus(LOGINS_IN_FLIGHT), loginPolicy.tokenTtl());
        return new Change.Done(after);
    }

    /** Tokens from before the disable stay revoked: the operator logs in again. */
    @Transactional
    public Change enable(String actor, String username) {
        Operator operator = operators.findByUsername(username).orElse(null);
        if (operator == null) {
            return new Change.UnknownOperator();
        }
        if (operator.isDisabled()) {
            operators.update(null, Wrappers.<Operator>lambdaUpdate()
                    .set(Operator::getDisabledAt, null)
                    .eq(Operator::getUsername, operator.getUsername()));
        }
        OperatorView after = OperatorView.of(operator.getUsername(), false);
        auditTrail.record(actor, AuditAction.OPERATOR_ENABLED, target(operator),
                OperatorView.of(operator.getUsername(), operator.isDisabled()), after);
        if (operator.isDisabled()) {
            revocations.allowFrom(operator.getUsername(), operator.getDisabledAt().toInstant(ZoneOffset.UTC),
                    clock.instant(), loginPolicy.tokenTtl());
        }
        return new Change.Done(after);
    }

    private static String target(Operator operator) {
        return "operator:" + operator.getUsername();
    }
}
