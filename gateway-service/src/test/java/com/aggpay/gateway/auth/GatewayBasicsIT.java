package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class GatewayBasicsIT extends GatewayITSupport {

    @Test
    void health_and_prometheus_are_exposed() {
        assertThat(send(request("GET", "/actuator/health", new byte[0])).statusCode()).isEqualTo(200);
        assertThat(send(request("GET", "/actuator/prometheus", new byte[0])).statusCode()).isEqualTo(200);
    }

    @Test
    void a_path_without_a_route_is_a_404_problem() {
        assertProblem(send(request("GET", "/nowhere", new byte[0])), 404, "NOT_FOUND");
    }

    @Test
    void a_downstream_that_drops_the_connection_gives_a_signed_503_problem() {
        HttpResponse<byte[]> response = send(hmacSigned("POST", "/api/v1/pay/orders/drop-connection", utf8("{}")));

        assertProblem(response, 503, "UPSTREAM_UNAVAILABLE");
        assertSignedBy(StubServices.HMAC_SECRET, response);
    }
}
