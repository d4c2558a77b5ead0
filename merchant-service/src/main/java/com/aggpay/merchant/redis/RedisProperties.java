package com.aggpay.merchant.redis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param username  Redis ACL user, blank where the server asks for none
 * @param password  its password, blank where the server asks for none
 * @param keyPrefix first part of every key this service writes ({@code AGGPAY_REDIS_KEY_PREFIX}); the gateway reads the
 *                  operator revocations under the same prefix, so both must agree
 */
@Validated
@ConfigurationProperties("aggpay.redis")
public record RedisProperties(@NotBlank String host, @Min(1) @Max(65535) int port, String username, String password,
                              @NotBlank @Pattern(regexp = "[a-z0-9_-]{1,32}") String keyPrefix) {

    @Override
    public String toString() {
        return "RedisProperties[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>"
                + ", keyPrefix=" + keyPrefix + "]";
    }
}
