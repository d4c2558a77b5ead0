package com.aggpay.router;

import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.router.callback.OrderServiceClient;
import com.aggpay.router.channel.SimulatorProcess;
import com.aggpay.router.local.DemoChannelSeeder;
import com.aggpay.router.orphan.OrphanCloser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The router in local mode on a real port, with the demo channels of API.md seeded from the JVM-wide simulator's
 * keys, order-service replaced by a mock (so a test can prove nothing reached it) and the orphan closer idle. Classes
 * that extend this and add nothing share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "local"})
public abstract class DemoChannelsITSupport {

    protected static final String SELF = "channel-router-service";

    @DynamicPropertySource
    static void demoChannels(DynamicPropertyRegistry registry) {
        registry.add("aggpay.demo.keys-dir", () -> SimulatorProcess.shared().keysDir().toString());
        registry.add("aggpay.demo.simulator-url", () -> SimulatorProcess.shared().baseUrl());
    }

    @Autowired
    protected MockMvc mvc;
    @MockitoBean
    protected OrderServiceClient orders;
    @MockitoBean
    protected OrphanCloser orphanCloser;
    @LocalServerPort
    protected int port;
    @Autowired
    private DemoChannelSeeder seeder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Other test contexts (FailoverIT's own simulator) re-seed the shared schema: point it back at this JVM's. */
    @BeforeEach
    void demoChannelsAtTheSharedSimulator() {
        seeder.run(null);
    }

    /** A real HTTP call to this router's port, as the gateway forwards it. */
    protected HttpResponse<String> overHttp(HttpRequest.Builder request, String path) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Aggpay-Service", ServiceCallsForTests.fromGateway(SELF))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token order-service's Feign client sends: what {@code /internal/**} requires. */
    protected static String fromOrderService() {
        return ServiceCallsForTests.token("order-service", SELF);
    }
}
