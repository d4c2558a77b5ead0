package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.config.NotifyProperties;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;

/** A hanging endpoint ties up its own share of slots and nothing else, whoever else it shares a merchant with. */
class EndpointIsolationIT extends IntegrationTest {

    private final MerchantEndpoint hangingEndpoint = new MerchantEndpoint().hanging(Duration.ofSeconds(30));
    private final MerchantEndpoint fastEndpoint = new MerchantEndpoint();
    private final List<String> hangingMerchants = new ArrayList<>();
    @Autowired
    private NotifyProperties properties;

    @AfterEach
    void closeEndpoints() {
        hangingEndpoint.close();
        fastEndpoint.close();
        // their retries would go on against a closed port and crowd the scans of the tests after this one
        // (the engine records the closed endpoint's failures at the same moment: a deadlock here is retried)
        hangingMerchants.forEach(mchNo -> await().atMost(Duration.ofSeconds(10))
                .ignoreException(CannotAcquireLockException.class)
                .until(() -> jdbc.update("UPDATE webhook_event SET state = 'FAILED', last_error = 'TEST_FINISHED' "
                        + "WHERE mch_no = ? AND state = 'PENDING'", mchNo) >= 0));
    }

    @Test
    void a_merchant_whose_endpoint_hangs_does_not_delay_another_merchants_webhook() {
        String slowMch = aMerchantNo();
        List<PaymentEvent> slowEvents = fillTheHangingEndpoint(slowMch,
                aMerchantApp(slowMch, "slow-secret", hangingEndpoint.url()), null);

        String fastMch = aMerchantNo();
        PaymentEvent fastEvent = aPaymentSucceeded(fastMch, aMerchantApp(fastMch, "fast-secret", fastEndpoint.url()),
                null);
        publish(fastEvent);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(eventState(fastEvent.eventId())));
        assertThat(fastEndpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(fastEvent.eventId());
        assertThat(slowEvents).allSatisfy(e -> assertThat(eventState(e.eventId())).isEqualTo("PENDING"));
        assertThat(hangingEndpoint.received()).as("the hanging endpoint never gets more than its own slots")
                .hasSize(share());
    }

    @Test
    void an_endpoint_that_hangs_does_not_delay_another_endpoint_of_the_same_merchant() {
        String mchNo = aMerchantNo();
        String appId = aMerchantApp(mchNo, "one-merchant-secret", null);
        fillTheHangingEndpoint(mchNo, appId, hangingEndpoint.url());

        PaymentEvent toTheFastEndpoint = aPaymentSucceeded(mchNo, appId, fastEndpoint.url());
        publish(toTheFastEndpoint);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> "DELIVERED".equals(eventState(toTheFastEndpoint.eventId())));
        assertThat(fastEndpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(toTheFastEndpoint.eventId());
        assertThat(hangingEndpoint.received()).hasSize(share());
    }

    /** More events than the endpoint's share, published until the endpoint holds all of its slots. */
    private List<PaymentEvent> fillTheHangingEndpoint(String mchNo, String appId, String notifyUrl) {
        hangingMerchants.add(mchNo);
        List<PaymentEvent> events = new ArrayList<>();
        for (int i = 0; i < share() + 8; i++) {
            PaymentEvent event = aPaymentSucceeded(mchNo, appId, notifyUrl);
            events.add(event);
            publish(event);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hangingEndpoint.received().size() == share());
        return events;
    }

    private int share() {
        return properties.engine().perEndpointInFlight();
    }
}
