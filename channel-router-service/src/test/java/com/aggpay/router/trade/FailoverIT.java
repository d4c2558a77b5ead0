package com.aggpay.router.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import com.aggpay.router.callback.OrderServiceClient;
import com.aggpay.router.channel.SimulatorProcess;
import com.aggpay.router.circuit.ChannelCircuits;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router with its real database, Redis, circuit breakers and adapters against the simulator with faults: the
 * demo channels wxpay-a (1900000001), wxpay-b (1900000002) and wxpay-v2 (1900000003), fixed priority in that order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "local"})
class FailoverIT {

    private static final String MCH = "M10001";
    private static final String WX_A = "1900000001";
    private static final String WX_B = "1900000002";
    private static final String WX_V2 = "1900000003";
    private static final SimulatorProcess simulator = SimulatorProcess.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aggpay.demo.keys-dir", () -> simulator.keysDir().toString());
        registry.add("aggpay.demo.simulator-url", simulator::baseUrl);
        registry.add("aggpay.router.circuit.wait-in-open", () -> "3s");
        registry.add("aggpay.router.orphans.poll-interval", () -> "500ms");
        registry.add("aggpay.router.quota-key-prefix", () -> "aggpaytest-" + UUID.randomUUID());
        registry.add("aggpay.channel.wxpay-v3.read-timeout", () -> "2s");
        registry.add("aggpay.channel.wxpay-v2.read-timeout", () -> "2s");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChannelCircuits circuits;
    @Autowired
    com.aggpay.router.quota.DailyQuota quota;
    @MockitoBean
    OrderServiceClient orders;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixedPriorityAndHealthyChannels() {
        jdbc.update("""
                INSERT INTO routing_policy (mch_no, strategy, min_sample, exploration_share, updated_at)
                VALUES (?, 'FIXED_PRIORITY', 0, 0, NOW(3))
                ON DUPLICATE KEY UPDATE strategy = 'FIXED_PRIORITY', min_sample = 0, exploration_share = 0""", MCH);
        jdbc.update("UPDATE channel_instance SET max_amount = 5000000, daily_cap = NULL");
        simulator.clearFaults();
        for (String c : List.of("wxpay-a", "wxpay-b", "wxpay-v2")) {
            circuits.reset(c);
        }
    }

    @AfterEach
    void clearFaults() {
        simulator.clearFaults();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void with_one_account_down_every_order_succeeds_on_the_other_and_the_circuit_opens() throws Exception {
        simulator.setFault(WX_A, "DOWN", 1.0, 0);

        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(place(100));
        }

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.get("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(a.get("channel").asString()).isEqualTo("wxpay-b");
        });
        assertThat(answers.subList(5, 25)).allSatisfy(a -> assertThat(channelsTried(a)).doesNotContain("wxpay-a"));
        assertThat(circuits.state("wxpay-a")).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void once_the_fault_clears_half_open_probes_bring_traffic_back() throws Exception {
        simulator.setFault(WX_A, "DOWN", 1.0, 0);
        for (int i = 0; i < 6; i++) {
            place(100);
        }
        assertThat(circuits.state("wxpay-a")).isEqualTo(CircuitBreaker.State.OPEN);

        simulator.clearFaults();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(place(100).get("channel").asString()).isEqualTo("wxpay-a"));
        place(100);
        assertThat(circuits.state("wxpay-a")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TIMEOUT_AFTER_ACCEPT", "ERROR_5XX"})
    void when_a_trade_may_exist_upstream_the_order_gets_another_accounts_pay_data_and_the_orphan_is_closed(
            String fault) throws Exception {
        simulator.setFault(WX_A, fault, 1.0, 0);
        List<String> orphans = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            JsonNode answer = place(100);
            assertThat(answer.get("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(answer.get("channel").asString()).isEqualTo("wxpay-b");
            JsonNode first = answer.get("attempts").get(0);
            assertThat(first.get("channel").asString()).isEqualTo("wxpay-a");
            assertThat(first.get("outcome").asString()).isEqualTo("UNKNOWN");
            assertThat(answer.get("out_trade_no").asString()).isNotEqualTo(first.get("out_trade_no").asString());
            orphans.add(first.get("out_trade_no").asString());
        }
        // the trades exist upstream (the fault opened them) and nobody can pay them; closes are answered even
        // under this fault, so the closer may already be at work
        assertThat(ledgerStates(WX_A, orphans)).isSubsetOf("NOTPAY", "CLOSED");

        simulator.clearFaults();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ledgerStates(WX_A, orphans)).containsOnly("CLOSED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT close_state FROM trade_attempt WHERE out_trade_no IN (?, ?, ?)", String.class,
                orphans.toArray())).containsOnly("CLOSED"));
    }

    @Test
    void asking_again_for_an_order_returns_the_trade_already_handed_out() throws Exception {
        String payOrderId = newPayOrderId();
        JsonNode first = place(payOrderId, 100);
        simulator.setFault(WX_A, "DOWN", 1.0, 0);

        JsonNode again = place(payOrderId, 100);

        assertThat(again.get("out_trade_no").asString()).isEqualTo(first.get("out_trade_no").asString());
        assertThat(again.get("pay_data").asString()).isEqualTo(first.get("pay_data").asString());
    }

    @Test
    void an_amount_above_a_channels_limit_or_beyond_its_daily_cap_goes_to_the_next_channel() throws Exception {
        jdbc.update("UPDATE channel_instance SET max_amount = 500 WHERE name = 'wxpay-a'");
        assertThat(place(1000).get("channel").asString()).isEqualTo("wxpay-b");

        long usedSoFar = quota.usedToday("wxpay-a");
        jdbc.update("UPDATE channel_instance SET max_amount = 5000000, daily_cap = ? WHERE name = 'wxpay-a'",
                usedSoFar + 150);
        assertThat(place(100).get("channel").asString()).isEqualTo("wxpay-a");
        assertThat(place(100).get("channel").asString()).isEqualTo("wxpay-b");
    }

    @Test
    void with_every_channel_down_there_is_no_channel_and_every_attempt_is_listed() throws Exception {
        for (String account : List.of(WX_A, WX_B, WX_V2)) {
            simulator.setFault(account, "DOWN", 1.0, 0);
        }

        JsonNode answer = place(100);

        assertThat(answer.get("outcome").asString()).isEqualTo("NO_CHANNEL_AVAILABLE");
        assertThat(answer.get("pay_data").isNull()).isTrue();
        assertThat(channelsTried(answer)).containsExactly("wxpay-a", "wxpay-b", "wxpay-v2");
    }

    // ---- fixtures

    private JsonNode place(long amount) throws Exception {
        return place(newPayOrderId(), amount);
    }

    private JsonNode place(String payOrderId, long amount) throws Exception {
        String body = "{\"pay_order_id\":\"" + payOrderId + "\",\"mch_no\":\"" + MCH + "\",\"app_id\":\"demo-app\","
                + "\"amount\":" + amount + ",\"currency\":\"CNY\",\"pay_way\":\"WX_NATIVE\",\"subject\":\"Latte\","
                + "\"client_ip\":\"203.0.113.7\",\"expires_at\":\"" + OffsetDateTime.now().plusMinutes(15) + "\"}";
        // /internal/** answers order-service only (docs/internals.md, "Trust between services")
        String answer = mvc.perform(post("/internal/trades")
                        .header("X-Aggpay-Service", ServiceCallsForTests.token("order-service", "channel-router-service"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer);
    }

    private static String newPayOrderId() {
        return "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static List<String> channelsTried(JsonNode answer) {
        List<String> tried = new ArrayList<>();
        answer.get("attempts").forEach(a -> tried.add(a.get("channel").asString()));
        return tried;
    }

    private List<String> ledgerStates(String account, List<String> outTradeNos) {
        JsonNode trades = json.readTree(simulator.get("/_sim/trades?account=" + account).body());
        List<String> states = new ArrayList<>();
        trades.forEach(t -> {
            if (outTradeNos.contains(t.get("out_trade_no").asString())) {
                states.add(t.get("state").asString());
            }
        });
        assertThat(states).hasSameSizeAs(outTradeNos);
        return states;
    }
}
