package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void urls_to_the_same_scheme_host_and_port_share_one_endpoint_whatever_their_path() {
        assertThat(Endpoint.keyOf("https://Shop.Example/hooks/pay?token=1", "app-1"))
                .isEqualTo(Endpoint.keyOf("HTTPS://shop.example:443/other", "app-2"))
                .isEqualTo("https://shop.example:443");
    }

    @Test
    void another_port_or_scheme_is_another_endpoint() {
        assertThat(Endpoint.keyOf("http://shop.example/hooks", "app-1")).isEqualTo("http://shop.example:80");
        assertThat(Endpoint.keyOf("http://shop.example:8080/hooks", "app-1")).isEqualTo("http://shop.example:8080");
    }

    @Test
    void an_event_without_a_notify_url_goes_to_its_apps_url_and_is_keyed_by_the_app() {
        assertThat(Endpoint.keyOf(null, "app-1")).isEqualTo("app:app-1");
        assertThat(Endpoint.keyOf(" ", "app-1")).isEqualTo("app:app-1");
    }

    @Test
    void urls_the_guard_refuses_anyway_share_one_key() {
        assertThat(Endpoint.keyOf("file:///etc/passwd", "app-1")).isEqualTo(Endpoint.INVALID);
        assertThat(Endpoint.keyOf("http://user@shop.example/", "app-1")).isEqualTo(Endpoint.INVALID);
        assertThat(Endpoint.keyOf("not a url", "app-1")).isEqualTo(Endpoint.INVALID);
    }
}
