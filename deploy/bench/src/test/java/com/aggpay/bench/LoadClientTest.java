package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadClientTest {

    private record Answer(int status, String body, String failure) {
    }

    private HttpServer server;
    private HttpHost host;
    private LoadClient client;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/echo", ex -> {
            clientPorts.add(ex.getRemoteAddress().getPort());
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "(none)" : authorization);
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] out = ("{\"echo\":" + new String(in, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.createContext("/empty", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        host = new HttpHost("http", "127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }

    private Answer send(LoadClient with, HttpHost to, String path, String authorization, String json)
            throws Exception {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        with.send(LoadClient.post(to, path, authorization, json),
                (status, body, failure) -> answer.complete(new Answer(status, body, failure)));
        return answer.get(10, TimeUnit.SECONDS);
    }

    private LoadClient client(Duration timeout) {
        client = new LoadClient("test-io", 64, timeout);
        return client;
    }

    @Test
    void an_answer_arrives_with_its_status_and_body_and_the_connection_is_kept_for_the_next() throws Exception {
        LoadClient http = client(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(send(http, host, "/echo", "AGGPAY-HMAC-SHA256 x", "{\"n\":\"é\"}"))
                    .isEqualTo(new Answer(201, "{\"echo\":{\"n\":\"é\"}}", null));
            awaitIdle(http, 1); // the connection returns to the pool just after the callback has run
        }
        assertThat(clientPorts).hasSize(1);
        assertThat(authorizations).containsExactly("AGGPAY-HMAC-SHA256 x");
    }

    private static void awaitIdle(LoadClient http, int connections) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (http.idleConnections() != connections && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(http.idleConnections()).isEqualTo(connections);
    }

    @Test
    void an_answer_without_a_body_has_an_empty_one() throws Exception {
        assertThat(send(client(Duration.ofSeconds(5)), host, "/empty", null, "{}"))
                .isEqualTo(new Answer(204, "", null));
        assertThat(authorizations).isEmpty();
    }

    @Test
    void a_request_not_answered_within_the_timeout_fails_with_timeout() throws Exception {
        long start = System.nanoTime();
        Answer answer = send(client(Duration.ofMillis(300)), host, "/slow", null, "{}");
        assertThat(answer.failure()).isEqualTo(LoadClient.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
    }

    @Test
    void a_refused_connection_fails_the_request() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Answer answer = send(client(Duration.ofSeconds(5)), new HttpHost("http", "127.0.0.1", closedPort), "/echo",
                null, "{}");
        assertThat(answer.status()).isZero();
        assertThat(answer.failure()).endsWith("ConnectException");
    }

    @Test
    void many_requests_at_once_all_get_their_own_answer() throws Exception {
        LoadClient http = client(Duration.ofSeconds(10));
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            http.send(LoadClient.post(host, "/echo", null, "{\"n\":" + i + "}"),
                    (status, body, failure) -> answer.complete(status + " " + body));
            answers.add(answer);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("201 {\"echo\":{\"n\":" + i + "}}");
        }
        assertThat(clientPorts).hasSizeBetween(2, 64);
    }
}
