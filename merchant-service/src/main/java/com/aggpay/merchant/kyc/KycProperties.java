package com.aggpay.merchant.kyc;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param licenceDir     where licence images are kept: outside the database, one file per merchant; in production a
 *                       volume that only this service mounts
 * @param licenceMaxSize the largest image accepted (API.md: 5 MB)
 */
@Validated
@ConfigurationProperties("aggpay.kyc")
public record KycProperties(@NotBlank String licenceDir, DataSize licenceMaxSize) {

    public KycProperties {
        licenceMaxSize = licenceMaxSize == null ? DataSize.ofMegabytes(5) : licenceMaxSize;
    }
}
