package com.aggpay.contracts.service;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Kafka and Redis are part of the trust boundary: an event published to the payments topic becomes a platform-signed
 * webhook, and Redis holds nonces, quotas and revocations. Outside the local and test profiles a service that talks to
 * either refuses to start without credentials for it ({@code AGGPAY_KAFKA_USERNAME} / {@code AGGPAY_KAFKA_PASSWORD} over
 * a SASL protocol; {@code AGGPAY_REDIS_PASSWORD}, with {@code AGGPAY_REDIS_USERNAME} for an ACL user).
 */
public final class BrokerCredentials {

    private BrokerCredentials() {
    }

    /** @return what is missing, empty when the service may start */
    public static List<String> missing(Environment env) {
        List<String> missing = new ArrayList<>();
        if (env.acceptsProfiles(Profiles.of("local | test"))) {
            return missing;
        }
        if (env.containsProperty("spring.kafka.bootstrap-servers")) {
            if (!env.getProperty("spring.kafka.security.protocol", "").startsWith("SASL_")) {
                missing.add("a SASL Kafka security protocol (AGGPAY_KAFKA_SECURITY_PROTOCOL=SASL_SSL or SASL_PLAINTEXT)");
            }
            if (blank(env, "aggpay.kafka.username") || blank(env, "aggpay.kafka.password")) {
                missing.add("AGGPAY_KAFKA_USERNAME and AGGPAY_KAFKA_PASSWORD");
            }
        }
        if (env.containsProperty("aggpay.redis.host") && blank(env, "aggpay.redis.password")) {
            missing.add("AGGPAY_REDIS_PASSWORD (and AGGPAY_REDIS_USERNAME for an ACL user)");
        }
        return missing;
    }

    static void require(Environment env) {
        List<String> missing = missing(env);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("refusing to start without broker credentials: set " + String.join("; ", missing));
        }
    }

    private static boolean blank(Environment env, String key) {
        String value = env.getProperty(key);
        return value == null || value.isBlank();
    }
}
