package com.aggpay.contracts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BrokerCredentialsTest {

    @Test
    void a_production_start_without_kafka_and_redis_credentials_is_refused() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "kafka:9092")
                .withProperty("aggpay.redis.host", "redis");

        assertThat(BrokerCredentials.missing(env)).hasSize(3);
        assertThatThrownBy(() -> BrokerCredentials.require(env)).hasMessageContaining("AGGPAY_KAFKA_USERNAME")
                .hasMessageContaining("AGGPAY_REDIS_PASSWORD");
    }

    @Test
    void a_production_start_with_sasl_and_redis_credentials_may_go_on() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "kafka:9092")
                .withProperty("spring.kafka.security.protocol", "SASL_SSL")
                .withProperty("aggpay.kafka.username", "order-service")
                .withProperty("aggpay.kafka.password", "s3cret")
                .withProperty("aggpay.redis.host", "redis")
                .withProperty("aggpay.redis.password", "s3cret");

        assertThat(BrokerCredentials.missing(env)).isEmpty();
    }

    @Test
    void plaintext_kafka_is_refused_even_with_a_password() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "kafka:9092")
                .withProperty("spring.kafka.security.protocol", "PLAINTEXT")
                .withProperty("aggpay.kafka.username", "u").withProperty("aggpay.kafka.password", "p");

        assertThat(BrokerCredentials.missing(env)).singleElement().asString().contains("SASL");
    }

    @Test
    void local_and_test_profiles_use_what_the_local_brokers_ask_for() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "localhost:9092");
        env.setActiveProfiles("local");

        assertThat(BrokerCredentials.missing(env)).isEmpty();
    }
}
