package com.aggpay.merchant.operator.login;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Operator login policy. Failed logins are counted under three keys; each key, once past its free failures, makes
 * further attempts wait {@code backoffBase × 2^(failures − free)}, capped by its own maximum.
 *
 * @param tokenTtl            how long a console token is good for (8 h: one working shift, then log in again)
 * @param failureWindow       a key's failures are forgotten after this long without a new one
 * @param backoffBase         the first wait once a key is past its free failures
 * @param perAccountAndSource one username from one client address: the key that stops a guesser
 * @param perSource           one client address across usernames: stops a password spray; higher, so one office
 *                            behind a NAT is not stopped by a few typos
 * @param perAccount          one username from every address: only slows a guesser that spreads over many
 *                            addresses. Its cap stays short, so nobody can lock an account by failing on purpose.
 */
@Validated
@ConfigurationProperties("aggpay.operator-login")
public record OperatorLoginProperties(@NotNull Duration tokenTtl, @NotNull Duration failureWindow,
                                      @NotNull Duration backoffBase, @Valid @NotNull Limit perAccountAndSource,
                                      @Valid @NotNull Limit perSource, @Valid @NotNull Limit perAccount) {

    /** The longest wait the per-account key may impose: beyond it, failing on purpose would become a lockout. */
    static final Duration LONGEST_ACCOUNT_WAIT = Duration.ofSeconds(10);

    public OperatorLoginProperties {
        if (perAccount != null && perAccount.maxBackoff() != null
                && perAccount.maxBackoff().compareTo(LONGEST_ACCOUNT_WAIT) > 0) {
            throw new IllegalArgumentException("aggpay.operator-login.per-account.max-backoff must be at most "
                    + LONGEST_ACCOUNT_WAIT.toSeconds() + "s: a longer wait would let anyone lock an account");
        }
    }

    /**
     * @param freeFailures failures within the window before attempts have to wait
     * @param maxBackoff   the longest wait this key imposes
     */
    public record Limit(@Min(1) int freeFailures, @NotNull Duration maxBackoff) {
    }
}
