package com.aggpay.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BodyLimitsTest {

    private final GatewayProperties.BodyLimits limits = new GatewayProperties.BodyLimits(DataSize.ofMegabytes(1),
            DataSize.ofKilobytes(64), DataSize.ofMegabytes(6), DataSize.ofKilobytes(32));

    @Test
    void each_kind_of_route_gets_its_own_limit() {
        assertThat(limits.forPath("/api/v1/channel-notify/wxpay-a")).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(limits.forPath("/api/v1/pay/orders")).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.forPath("/api/portal/licence")).isEqualTo(DataSize.ofMegabytes(6));
        assertThat(limits.forPath("/api/admin/login")).isEqualTo(DataSize.ofKilobytes(32));
        assertThat(limits.forPath("/admin/")).isEqualTo(DataSize.ofKilobytes(32));
    }

    @Test
    void a_lookalike_prefix_gets_the_default_not_the_larger_limit() {
        assertThat(limits.forPath("/api/portalx/licence")).isEqualTo(DataSize.ofKilobytes(32));
        assertThat(limits.forPath("/api/v10/pay/orders")).isEqualTo(DataSize.ofKilobytes(32));
    }

    @Test
    void a_limit_of_nothing_is_refused_at_start() {
        assertThatThrownBy(() -> new GatewayProperties.BodyLimits(DataSize.ofBytes(0), DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(6), DataSize.ofKilobytes(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
