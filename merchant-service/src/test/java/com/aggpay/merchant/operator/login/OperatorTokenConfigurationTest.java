package com.aggpay.merchant.operator.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.OperatorToken;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OperatorTokenConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OperatorTokenConfiguration.class)
            .withPropertyValues("aggpay.operator-login.token-ttl=8h", "aggpay.operator-login.failure-window=15m",
                    "aggpay.operator-login.backoff-base=1s",
                    "aggpay.operator-login.per-account-and-source.free-failures=5",
                    "aggpay.operator-login.per-account-and-source.max-backoff=15m",
                    "aggpay.operator-login.per-source.free-failures=20",
                    "aggpay.operator-login.per-source.max-backoff=15m",
                    "aggpay.operator-login.per-account.free-failures=10",
                    "aggpay.operator-login.per-account.max-backoff=2s");

    @Test
    void start_up_fails_when_no_token_key_is_configured() {
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("AGGPAY_OPERATOR_TOKEN_KEY"));
    }

    @Test
    void start_up_fails_when_the_key_is_shorter_than_32_bytes_without_showing_it() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        context.withPropertyValues("aggpay.operator-token.key=" + shortKey)
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey));
    }

    @Test
    void start_up_fails_when_the_per_account_backoff_could_lock_an_account() {
        context.withPropertyValues("aggpay.operator-token.key=" + Base64.getEncoder().encodeToString("k".repeat(32).getBytes()),
                        "aggpay.operator-login.per-account.max-backoff=15m")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("per-account.max-backoff"));
    }

    @Test
    void a_32_byte_key_gives_a_token_issuer() {
        context.withPropertyValues("aggpay.operator-token.key="
                        + Base64.getEncoder().encodeToString("k".repeat(32).getBytes()))
                .run(started -> assertThat(started).hasSingleBean(OperatorToken.class));
    }
}
