package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.contracts.webhook.WebhookTargets;
import com.aggpay.notify.domain.AttemptResult;
import com.aggpay.notify.support.MerchantEndpoint;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real HTTP client against a real local endpoint; only name resolution is scripted. */
class WebhookSenderTest {

    private final MerchantEndpoint endpoint = new MerchantEndpoint();
    private final MerchantEndpoint elsewhere = new MerchantEndpoint();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<String> lookupThreads = new CopyOnWriteArrayList<>();
    private WebhookSender sender;

    @AfterEach
    void close() throws Exception {
        if (sender != null) {
            sender.close();
        }
        endpoint.close();
        elsewhere.close();
    }

    /** "merchant.example" resolves to loopback, where the endpoint listens; every lookup is counted. */
    private WebhookSender senderWith(boolean localMode) {
        WebhookTargets.Resolver dns = host -> {
            lookups.add(host);
            lookupThreads.add(Thread.currentThread().getName());
            if (!host.equals("merchant.example")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(10), new TargetGuard(localMode, dns), 8,
                Clock.systemUTC());
        return sender;
    }

    private AttemptResult send(WebhookSender s, String url) {
        return s.send(URI.create(url), "evt_1", "{\"id\":\"evt_1\"}", "whsec").join();
    }

    @Test
    void a_host_name_resolving_to_a_refused_address_is_never_connected_to() {
        AttemptResult result = send(senderWith(false), "http://merchant.example:" + endpoint.port() + "/hooks");

        assertThat(result).isEqualTo(new AttemptResult.Forbidden("ADDRESS_LOOPBACK"));
        assertThat(endpoint.received()).isEmpty();
        assertThat(lookups).containsExactly("merchant.example");
    }

    @Test
    void an_allowed_host_name_is_resolved_once_and_the_call_goes_to_the_checked_address() {
        AttemptResult result = send(senderWith(true), "http://merchant.example:" + endpoint.port() + "/hooks");

        assertThat(result).isEqualTo(new AttemptResult.Delivered(200));
        assertThat(endpoint.received()).singleElement().satisfies(r -> {
            assertThat(r.header("Host")).isEqualTo("merchant.example:" + endpoint.port());
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("User-Agent")).isEqualTo("AggPay-Webhooks/1");
            assertThat(new String(r.body())).isEqualTo("{\"id\":\"evt_1\"}");
        });
        assertThat(lookups).containsExactly("merchant.example");
        assertThat(lookupThreads).as("DNS runs on the caller's (prepare) thread, never on an I/O thread")
                .containsExactly(Thread.currentThread().getName());
    }

    @Test
    void every_attempt_is_signed_in_both_forms_with_the_same_fresh_timestamp_and_both_verify() {
        send(senderWith(true), endpoint.url());

        MerchantEndpoint.Received received = endpoint.received().get(0);
        String aggpay = received.header(WebhookSignature.HEADER);
        String timestamp = received.header(WebhookSignature.STANDARD_TIMESTAMP_HEADER);
        assertThat(aggpay).startsWith("t=" + timestamp + ",v1=");
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThanOrEqualTo(5);
        assertThat(received.header(WebhookSignature.STANDARD_ID_HEADER)).isEqualTo("evt_1");
        assertThat(received.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo("evt_1");
        assertThat(WebhookSignature.verify("whsec", aggpay, received.body(), Clock.systemUTC(), Duration.ofMinutes(5)))
                .isTrue();
        assertThat(WebhookSignature.verifyStandard("whsec", received.header(WebhookSignature.STANDARD_ID_HEADER),
                timestamp, received.header(WebhookSignature.STANDARD_SIGNATURE_HEADER), received.body(),
                Clock.systemUTC(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verifyStandard("other-secret", "evt_1", timestamp,
                received.header(WebhookSignature.STANDARD_SIGNATURE_HEADER), received.body(), Clock.systemUTC(),
                Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void a_retry_after_on_503_or_429_is_read_and_elsewhere_ignored() {
        endpoint.answering(503, 429, 500).retryingAfter("120");
        WebhookSender s = senderWith(true);

        assertThat(send(s, endpoint.url())).isEqualTo(new AttemptResult.Rejected(503, null, Duration.ofSeconds(120)));
        assertThat(send(s, endpoint.url())).isEqualTo(new AttemptResult.Rejected(429, null, Duration.ofSeconds(120)));
        assertThat(send(s, endpoint.url())).isEqualTo(new AttemptResult.Rejected(500));
    }

    @Test
    void a_redirect_is_a_failed_attempt_and_is_not_followed() {
        endpoint.answering(302).locating(elsewhere.url());

        AttemptResult result = send(senderWith(true), endpoint.url());

        assertThat(result).isEqualTo(new AttemptResult.Rejected(302));
        assertThat(endpoint.received()).hasSize(1);
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void a_literal_metadata_address_is_refused_even_in_local_mode_without_any_connection() {
        AttemptResult result = send(senderWith(true), "http://169.254.169.254/latest/meta-data/");

        assertThat(result).isEqualTo(new AttemptResult.Forbidden("ADDRESS_METADATA"));
        assertThat(lookups).isEmpty();
    }

    @Test
    void an_endpoint_slower_than_the_request_timeout_is_a_timeout() {
        endpoint.hanging(Duration.ofSeconds(5));
        sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(500), new TargetGuard(true), 8,
                Clock.systemUTC());

        assertThat(send(sender, endpoint.url()).outcome()).isEqualTo("TIMEOUT");
    }
}
