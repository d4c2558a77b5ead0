package com.aggpay.merchant.secrets;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys of the at-rest encryption ({@code SecretBox}).
 *
 * @param currentKeyId id that new values are sealed under ({@code AGGPAY_SECRETS_KEY_ID})
 * @param currentKey   Base64 of the 32-byte current key ({@code AGGPAY_SECRETS_KEY}); only the local and test
 *                     profiles have a default, so a production-shaped start without it fails
 * @param keys         older keys by id, still needed to open values sealed before a rotation
 *                     (e.g. {@code AGGPAY_SECRETS_KEYS_K2024=<base64>})
 */
@Validated
@ConfigurationProperties("aggpay.secrets")
public record SecretsProperties(@NotBlank String currentKeyId, @NotBlank String currentKey, Map<String, String> keys) {

    public SecretsProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
