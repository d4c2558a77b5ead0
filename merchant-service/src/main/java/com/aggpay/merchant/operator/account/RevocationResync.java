package com.aggpay.merchant.operator.account;

import com.aggpay.merchant.operator.Operator;
import com.aggpay.merchant.operator.Operators;
import com.aggpay.merchant.operator.TokenRevocations;
import com.aggpay.merchant.operator.login.OperatorLoginProperties;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The database is the record of who is disabled; Redis only carries it to the gateway. On every start the cut-offs
 * of operators disabled within the last token lifetime are written again, so a Redis that lost its data does not
 * bring their tokens back.
 */
@Component
class RevocationResync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RevocationResync.class);

    private final Operators operators;
    private final TokenRevocations revocations;
    private final OperatorLoginProperties loginPolicy;
    private final Clock clock;

    RevocationResync(Operators operators, TokenRevocations revocations, OperatorLoginProperties loginPolicy,
                     Clock clock) {
        this.operators = operators;
        this.revocations = revocations;
        this.loginPolicy = loginPolicy;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDateTime since = LocalDateTime.ofInstant(clock.instant().minus(loginPolicy.tokenTtl()), ZoneOffset.UTC);
        try {
            for (Operator operator : operators.selectList(Wrappers.<Operator>lambdaQuery()
                    .gt(Operator::getDisabledAt, since))) {
                revocations.revokeAllOf(operator.getUsername(),
                        operator.getDisabledAt().toInstant(ZoneOffset.UTC).plus(OperatorAccounts.LOGINS_IN_FLIGHT),
                        loginPolicy.tokenTtl());
            }
        } catch (RuntimeException e) {
            // Still serve: every disable writes its cut-off again, and the logins are refused by the database anyway.
            log.warn("event=OPERATOR_REVOCATION_RESYNC_FAILED error={}", e.toString());
        }
    }
}
