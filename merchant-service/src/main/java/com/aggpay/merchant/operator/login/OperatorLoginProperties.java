package com.aggpay.merchant.operator.login;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Operator login policy.
 *
 * @param tokenTtl                how long a console token is good for (8 h: one working shift, then log in again)
 * @param maxFailuresPerUsername  failed logins of one username within {@code failureWindow} before it is throttled
 * @param maxFailuresPerAddress   the same per client address; higher, so one office behind a NAT is not locked
 *                                out by a few typos, yet a password spray across usernames is still stopped
 * @param failureWindow           how far back failures count
 */
@Validated
@ConfigurationProperties("aggpay.operator-login")
public record OperatorLoginProperties(@NotNull Duration tokenTtl, @Min(1) int maxFailuresPerUsername,
                                      @Min(1) int maxFailuresPerAddress, @NotNull Duration failureWindow) {
}
