package com.aggpay.router.routing.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class HealthWindowsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HealthWindowProperties.class)
    static class Bound {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void without_configuration_a_window_keeps_100_outcomes_of_at_most_10_minutes() {
        context.run(c -> assertThat(c.getBean(HealthWindowProperties.class))
                .isEqualTo(new HealthWindowProperties(100, Duration.ofMinutes(10))));
    }

    @Test
    void both_limits_can_be_configured() {
        context.withPropertyValues("aggpay.router.health.window-size=500", "aggpay.router.health.max-age=2m")
                .run(c -> assertThat(c.getBean(HealthWindowProperties.class))
                        .isEqualTo(new HealthWindowProperties(500, Duration.ofMinutes(2))));
    }

    @Test
    void an_empty_window_is_refused_at_start_up() {
        context.withPropertyValues("aggpay.router.health.window-size=0")
                .run(c -> assertThat(c).hasFailed());
    }
}
