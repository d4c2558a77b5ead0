package com.aggpay.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressesTest {

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/portal/login")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_the_request_claims() {
        ClientAddresses clients = new ClientAddresses(List.of(), 1);
        MockServerWebExchange exchange = from("198.51.100.20", "203.0.113.7");

        assertThat(clients.resolve(exchange)).contains("198.51.100.20");
        assertThat(ClientAddresses.of(exchange)).isEqualTo("198.51.100.20");
    }

    @Test
    void behind_a_trusted_ingress_the_client_is_the_address_the_ingress_appended() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8", " fd00::/8 "), 1);
        // the client wrote 1.2.3.4 itself; the Ingress appended the address it saw
        MockServerWebExchange exchange = from("10.2.3.4", "1.2.3.4, 203.0.113.7");

        assertThat(clients.resolve(exchange)).contains("203.0.113.7");
        assertThat(ClientAddresses.of(exchange)).isEqualTo("203.0.113.7");
    }

    @Test
    void a_forwarded_header_from_a_peer_outside_the_trusted_networks_is_ignored() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8"), 1);

        assertThat(clients.resolve(from("198.51.100.20", "203.0.113.7"))).contains("198.51.100.20");
    }

    @Test
    void two_trusted_hops_take_the_address_the_outer_proxy_saw() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8"), 2);
        // client → CDN / load balancer (appends the client) → Ingress (appends the load balancer) → gateway
        assertThat(clients.resolve(from("10.0.0.9", "6.6.6.6, 203.0.113.7, 10.1.1.1"))).contains("203.0.113.7");
    }

    @Test
    void a_trusted_proxy_without_the_header_is_itself_the_client() {
        ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8"), 1);

        assertThat(clients.resolve(from("10.2.3.4"))).contains("10.2.3.4");
    }

    @Test
    void a_misspelt_network_stops_the_start() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/abc"), 1))
                .hasMessageContaining("not a CIDR: 10.0.0.0/abc");
    }
}
