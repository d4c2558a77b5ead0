package com.aggpay.notify.support;

import com.aggpay.contracts.service.testing.KafkaForTests;
import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.event.PaymentEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for every integration test: real MariaDB (schema aggpaytest_notify), the real Kafka
 * broker on localhost:9092 with a topic prefix of its own per run, a fake merchant-service over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    protected static final String KAFKA = KafkaForTests.BOOTSTRAP;
    protected static final String TOPIC_PREFIX = "aggpaytest-" + UUID.randomUUID().toString().substring(0, 8);
    protected static final String TOPIC = PaymentEvent.topic(TOPIC_PREFIX);
    protected static final FakeMerchantService MERCHANT_SERVICE = new FakeMerchantService();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.time.Instant RUN_STARTED = java.time.Instant.now();
    private static volatile boolean leftoversRetired;

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        createTopic();
        registry.add("aggpay.topic-prefix", () -> TOPIC_PREFIX);
        registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
        // a group of our own: never rebalance a running local notify-service
        registry.add("spring.kafka.consumer.group-id", () -> "notify-service-" + TOPIC_PREFIX);
        registry.add("spring.cloud.discovery.client.simple.instances.merchant-service[0].uri",
                MERCHANT_SERVICE::baseUrl);
    }

    /** Events a previous run left PENDING point at endpoints long gone: stop them from adding noise to this run. */
    @org.junit.jupiter.api.BeforeEach
    void retireLeftoversOfEarlierRuns() {
        if (!leftoversRetired) {
            jdbc.update("UPDATE webhook_event SET state = 'FAILED', last_error = 'ABANDONED_BY_EARLIER_TEST_RUN' "
                    + "WHERE state = 'PENDING' AND created_at < ?", java.sql.Timestamp.from(RUN_STARTED.minusSeconds(60)));
            leftoversRetired = true;
        }
    }

    private static void createTopic() {
        Properties props = KafkaForTests.clientProperties();
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create test topic " + TOPIC, e);
            }
        }
    }

    /** A merchant with one app whose webhook URL is the given endpoint's; returns the app id. */
    protected static String aMerchantApp(String mchNo, String secret, String webhookUrl) {
        String appId = "app-" + UUID.randomUUID().toString().substring(0, 8);
        MERCHANT_SERVICE.registerApp(appId, mchNo, secret, webhookUrl);
        return appId;
    }

    protected static String aMerchantNo() {
        return "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected static PaymentEvent aPaymentSucceeded(String mchNo, String appId, String notifyUrl) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("pay_order_id", "po_" + UUID.randomUUID().toString().replace("-", ""));
        order.put("mch_no", mchNo);
        order.put("app_id", appId);
        order.put("amount", 1234);
        order.put("currency", "CNY");
        order.put("state", "SUCCESS");
        order.put("subject", "Latte \u62ff\u94c1"); // non-ASCII: the signed bytes must be the UTF-8 ones
        order.put("paid_at", "2026-11-26T10:00:05+08:00");
        return new PaymentEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), EventType.PaymentSucceeded,
                "2026-11-26T10:00:05+08:00", mchNo, appId, notifyUrl, "req-" + UUID.randomUUID(), order);
    }

    protected void publish(PaymentEvent event) {
        publishRaw(event.mchNo(), JSON.writeValueAsString(event));
    }

    protected void publishRaw(String key, String value) {
        try {
            kafka.send(TOPIC, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    protected String eventState(String eventId) {
        return jdbc.query("SELECT state FROM webhook_event WHERE event_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, eventId);
    }

    protected int attemptCount(String eventId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt WHERE event_id = ?", Integer.class,
                eventId);
        return n == null ? 0 : n;
    }
}
