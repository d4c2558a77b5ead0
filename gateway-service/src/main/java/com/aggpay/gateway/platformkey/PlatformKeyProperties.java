package com.aggpay.gateway.platformkey;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform's RSA private key comes from. The PEM text wins over the file; with neither, only a profile
 * that sets {@code generate-if-missing} (local, test) starts, with a key made for this run alone.
 *
 * @param keyId             the id served beside the public key ({@code AGGPAY_PLATFORM_KEY_ID})
 * @param privateKey        PKCS#8 PEM text ({@code AGGPAY_PLATFORM_PRIVATE_KEY})
 * @param privateKeyFile    a PKCS#8 PEM file, e.g. {@code <keys dir>/platform/platform-private.pem}
 * @param generateIfMissing local and test only: without a key, make one in memory instead of refusing to start
 */
@Validated
@ConfigurationProperties("aggpay.platform-key")
public record PlatformKeyProperties(@NotBlank String keyId, String privateKey, String privateKeyFile,
                                    boolean generateIfMissing) {
}
