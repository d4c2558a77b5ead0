package com.aggpay.notify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The properties as application.yml sets them, bound and validated the way start-up does it. */
class NotifyPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(NotifyConfiguration.class);

    @Test
    void the_default_profile_makes_at_least_16_attempts_over_at_least_3_days_with_jitter_and_guards_against_ssrf() {
        runner.run(context -> {
            NotifyProperties properties = context.getBean(NotifyProperties.class);
            assertThat(properties.schedule().maxAttempts()).isGreaterThanOrEqualTo(16);
            assertThat(properties.schedule().jitter()).isGreaterThan(0);
            assertThat(properties.schedule().shortestWindow()).isGreaterThanOrEqualTo(Duration.ofDays(3));
            assertThat(properties.maxRetryAfter()).isEqualTo(Duration.ofHours(24));
            assertThat(properties.disableFailingEndpointAfter()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.allowPrivateTargets()).isFalse();
            assertThat(properties.http().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.appCacheTtl()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void by_default_one_healthy_endpoint_answering_in_5_ms_can_take_well_over_200_webhooks_a_second() {
        runner.run(context -> {
            NotifyProperties.Engine engine = context.getBean(NotifyProperties.class).engine();
            int perSecondAt5Ms = engine.perEndpointInFlight() * 1000 / 5;
            assertThat(perSecondAt5Ms).isGreaterThanOrEqualTo(1_000);
            assertThat(engine.maxInFlight()).isGreaterThanOrEqualTo(engine.perEndpointInFlight());
        });
    }

    @Test
    void a_production_schedule_shorter_than_a_day_stops_the_start_up() {
        runner.withPropertyValues("aggpay.notify.retry-schedule=1s,2s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void a_production_schedule_of_fewer_than_16_attempts_stops_the_start_up_however_long_it_lasts() {
        runner.withPropertyValues("aggpay.notify.retry-schedule=1d,1d,1d,1d")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void a_production_schedule_that_jitter_could_shrink_below_3_days_stops_the_start_up() {
        // 16 attempts over 75 h: 3 days only without jitter
        runner.withPropertyValues("aggpay.notify.retry-schedule=5h,5h,5h,5h,5h,5h,5h,5h,5h,5h,5h,5h,5h,5h,5h")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void the_local_profile_retries_quickly_and_allows_loopback() {
        runner.withPropertyValues("spring.profiles.active=local").run(context -> {
            NotifyProperties properties = context.getBean(NotifyProperties.class);
            assertThat(properties.schedule().window()).isLessThan(Duration.ofMinutes(5));
            assertThat(properties.allowPrivateTargets()).isTrue();
        });
    }
}
