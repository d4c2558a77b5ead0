package com.aggpay.order.cashier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The cashier's settings.
 *
 * @param publicBaseUrl        the gateway as payers reach it (QR_CASHIER links point there)
 * @param staticDailyCap       fen a payer may pay through static codes per day: 50000 by PBOC 银发〔2017〕296号
 * @param capZone              whose calendar day the cap counts (Asia/Shanghai)
 * @param staticExpireSeconds  how long a static-code order waits for its payer at the counter
 */
@Validated
@ConfigurationProperties("aggpay.cashier")
public record CashierProperties(@NotBlank String publicBaseUrl, @Min(1) long staticDailyCap,
                                @NotNull ZoneId capZone, @Min(60) @Max(86400) int staticExpireSeconds) {
}
