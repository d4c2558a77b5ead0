package com.aggpay.router.routing.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthWindowsMetricsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HealthWindows windows = new HealthWindows(new HealthWindowProperties(100, Duration.ofMinutes(10)), clock,
            prometheus);

    @Test
    void a_channel_gets_its_gauges_when_first_seen_and_prometheus_shows_them_under_the_agreed_names() {
        assertThat(prometheus.scrape()).doesNotContain("aggpay_channel_");

        windows.record("wxpay-a", "WX_NATIVE", true, 40);
        windows.record("wxpay-a", "WX_JSAPI", false, 200);

        String scrape = prometheus.scrape();
        assertThat(scrape).contains("aggpay_channel_success_rate{channel=\"wxpay-a\"} 0.5");
        assertThat(scrape).contains("aggpay_channel_latency_ms{channel=\"wxpay-a\",quantile=\"0.5\"} 40");
        assertThat(scrape).contains("aggpay_channel_latency_ms{channel=\"wxpay-a\",quantile=\"0.95\"} 200");
        assertThat(scrape).contains("aggpay_channel_latency_ms{channel=\"wxpay-a\",quantile=\"0.99\"} 200");
    }

    @Test
    void an_idle_channel_reports_no_rate_rather_than_a_zero_that_looks_like_an_outage() {
        windows.record("wxpay-a", "WX_NATIVE", true, 40);

        clock.advance(Duration.ofMinutes(11));

        assertThat(prometheus.scrape()).contains("aggpay_channel_success_rate{channel=\"wxpay-a\"} NaN");
    }
}
