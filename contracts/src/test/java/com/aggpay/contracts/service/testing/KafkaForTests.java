package com.aggpay.contracts.service.testing;

import java.util.Properties;

/**
 * Client settings for tests that talk to the broker directly (their own consumers, producers and admin clients): the
 * same address and SASL credentials as the services' local and test profiles, overridable by the same variables.
 */
public final class KafkaForTests {

    public static final String BOOTSTRAP = env("AGGPAY_KAFKA_BOOTSTRAP", "localhost:9092");

    private KafkaForTests() {
    }

    public static Properties clientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("security.protocol", env("AGGPAY_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        p.put("sasl.mechanism", env("AGGPAY_KAFKA_SASL_MECHANISM", "PLAIN"));
        p.put("sasl.jaas.config", env("AGGPAY_KAFKA_LOGIN_MODULE", "org.apache.kafka.common.security.plain.PlainLoginModule")
                + " required username=\"" + env("AGGPAY_KAFKA_USERNAME", "aggpay") + "\" password=\""
                + env("AGGPAY_KAFKA_PASSWORD", "aggpay-local-only-kafka") + "\";");
        return p;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
