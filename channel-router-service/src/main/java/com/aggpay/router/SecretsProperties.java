package com.aggpay.router;

import com.aggpay.contracts.crypto.SecretBox;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The at-rest encryption key, from the environment ({@code AGGPAY_SECRETS_KEY}, Base64 of 32 bytes); start-up fails
 * without one. {@code retiredKeys} still open values sealed before a rotation.
 */
@Validated
@ConfigurationProperties("aggpay.secrets")
public record SecretsProperties(@NotBlank String keyId,
                                @NotBlank(message = "set AGGPAY_SECRETS_KEY (Base64 of 32 random bytes)") String key,
                                Map<String, String> retiredKeys) {

    public SecretBox secretBox() {
        Map<String, String> keys = new HashMap<>(retiredKeys == null ? Map.of() : retiredKeys);
        keys.put(keyId, key);
        return new SecretBox(keyId, keys);
    }
}
