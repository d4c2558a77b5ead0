package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

class GatewayBasicsIT extends GatewayITSupport {

    @LocalManagementPort
    int managementPort;

    @Test
    void the_probes_answer_on_the_public_port_but_actuator_lives_only_on_the_management_port() throws Exception {
        assertThat(send(request("GET", "/readyz", new byte[0])).statusCode()).isEqualTo(200);
        assertThat(send(request("GET", "/livez", new byte[0])).statusCode()).isEqualTo(200);
        assertThat(send(request("GET", "/actuator/prometheus", new byte[0])).statusCode()).isEqualTo(404);
        assertThat(send(request("GET", "/actuator/health", new byte[0])).statusCode()).isEqualTo(404);

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
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
