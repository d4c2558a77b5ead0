package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service as two replicas, one of them gone (nothing listens on its port): every request reaches the live one
 * exactly once, whatever its method, and an answer or a dropped connection from a live replica is never sent again.
 */
class ReplicaFailoverIT extends GatewayITSupport {

    private static final String GONE = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void oneReplicaGone(DynamicPropertyRegistry registry) {
        // [0] is the live stub (GatewayITSupport)
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[1].uri", () -> GONE);
    }

    @Test
    void every_post_reaches_the_live_replica_exactly_once() {
        for (int i = 0; i < 6; i++) { // round-robin: half of them are sent to the gone replica first
            postedOnce("/api/v1/pay/orders", 201);
        }
    }

    @Test
    void an_answer_of_a_live_replica_is_passed_on_not_retried() {
        for (int i = 0; i < 4; i++) {
            postedOnce("/api/v1/pay/orders/unavailable", 503);
        }
    }

    @Test
    void a_connection_dropped_by_a_live_replica_is_not_sent_again() {
        for (int i = 0; i < 4; i++) {
            int before = STUBS.droppedConnections.get();

            HttpResponse<byte[]> response = send(hmacSigned("POST", "/api/v1/pay/orders/drop-connection",
                    utf8("{}")));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(STUBS.droppedConnections.get() - before).isEqualTo(1);
        }
    }

    /** Posts a fresh order to {@code path}: answered with {@code status}, and seen by order-service exactly once. */
    private void postedOnce(String path, int status) {
        String orderNo = freshNonce();
        HttpResponse<byte[]> response = send(hmacSigned("POST", path,
                utf8("{\"mch_order_no\":\"" + orderNo + "\"}")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(STUBS.orderServiceCalls).filteredOn(c -> new String(c.body()).contains(orderNo)).hasSize(1);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
