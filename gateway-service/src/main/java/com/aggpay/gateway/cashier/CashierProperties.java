package com.aggpay.gateway.cashier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where payers reach the gateway (the wallets send them back here after authorisation)
 * @param sessionKey    Base64 of at least 32 random bytes sealing the payer's cookies; every gateway replica the same
 * @param sessionTtl    how long a payer stays authenticated after their wallet's authorisation
 * @param authTtl       how long an authorisation may take from the scan to the wallet's answer
 */
@Validated
@ConfigurationProperties("aggpay.cashier")
record CashierProperties(@NotBlank String publicBaseUrl, @NotBlank String sessionKey, @NotNull Duration sessionTtl,
                         @NotNull Duration authTtl) {

    String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Cookies go over TLS only when payers reach the platform over TLS (always, in production). */
    boolean secureCookies() {
        return publicBaseUrl.startsWith("https://");
    }
}
