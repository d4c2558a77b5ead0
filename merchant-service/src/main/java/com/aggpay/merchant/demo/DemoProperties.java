package com.aggpay.merchant.demo;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param webhookUrl where the demo app's webhooks go ({@code AGGPAY_DEMO_WEBHOOK_URL}) */
@Validated
@ConfigurationProperties("aggpay.demo")
public record DemoProperties(@NotBlank String webhookUrl) {
}
