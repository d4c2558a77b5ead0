package com.aggpay.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * The single-page apps' fallback next to annotated controllers, as in the gateway: router functions are asked first,
 * so the cashier's client routes must leave the gateway's own {@code /cashier/pay/**} and {@code /cashier/oauth/**}
 * to its controllers (stood in for here by {@link ServerPages}).
 */
class WebPagesTest {

    private AnnotationConfigApplicationContext context;
    private WebTestClient client;

    @BeforeEach
    void start() {
        context = new AnnotationConfigApplicationContext(WebFluxOn.class, WebPages.class, ServerPages.class);
        client = WebTestClient.bindToApplicationContext(context).build();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cashier/store/demo-store", "/cashier/order/P2026120500000001", "/cashier/", "/cashier"})
    void the_cashier_pages_answer_the_cashier_app(String path) throws Exception {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).isEqualTo(index("cashier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cashier/pay/P2026120500000001", "/cashier/pay", "/cashier/oauth/return",
        "/cashier/p%61y/P2026120500000001"})
    void the_gateways_own_cashier_paths_reach_its_controllers_not_the_app(String path) {
        client.get().uri(URI.create(path)).exchange() // as sent: a String would be encoded once more
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).startsWith("server:"));
    }

    @Test
    void a_path_that_only_starts_like_a_server_page_is_still_the_apps() throws Exception {
        client.get().uri("/cashier/payment-done").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(index("cashier"));
    }

    @Test
    void the_other_front_ends_keep_their_client_routes() throws Exception {
        client.get().uri("/portal/orders").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(index("portal"));
    }

    @Test
    void a_missing_cashier_file_is_a_404_not_the_page() {
        client.get().uri("/cashier/assets/nothing-here.js").exchange().expectStatus().isNotFound();
        client.get().uri("/cashier/favicon.ico").exchange().expectStatus().isNotFound();
    }

    private static String index(String frontEnd) throws Exception {
        return new ClassPathResource("static/" + frontEnd + "/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @Configuration
    @EnableWebFlux
    static class WebFluxOn {
    }

    /** What the gateway's cashier controllers answer on their paths, reduced to a marker. */
    @RestController
    static class ServerPages {

        @GetMapping({"/cashier/pay", "/cashier/pay/{payOrderId}"})
        String pay(@PathVariable(required = false) String payOrderId) {
            return "server: pay " + payOrderId;
        }

        @GetMapping("/cashier/oauth/return")
        String oauthReturn() {
            return "server: oauth return";
        }
    }
}
