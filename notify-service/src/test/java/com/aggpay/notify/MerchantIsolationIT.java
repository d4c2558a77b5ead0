package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.contracts.signing.WebhookSignature;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MerchantIsolationIT extends IntegrationTest {

    private final MerchantEndpoint hangingEndpoint = new MerchantEndpoint().hanging(Duration.ofSeconds(30));
    private final MerchantEndpoint fastEndpoint = new MerchantEndpoint();

    @AfterEach
    void closeEndpoints() {
        hangingEndpoint.close();
        fastEndpoint.close();
    }

    @Test
    void a_merchant_whose_endpoint_hangs_does_not_delay_another_merchants_webhook() {
        String slowMch = aMerchantNo();
        String slowApp = aMerchantApp(slowMch, "slow-secret", hangingEndpoint.url());
        List<PaymentEvent> slowEvents = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // more than the slow merchant's own slots
            PaymentEvent event = aPaymentSucceeded(slowMch, slowApp, null);
            slowEvents.add(event);
            publish(event);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !hangingEndpoint.received().isEmpty());

        String fastMch = aMerchantNo();
        PaymentEvent fastEvent = aPaymentSucceeded(fastMch, aMerchantApp(fastMch, "fast-secret", fastEndpoint.url()),
                null);
        publish(fastEvent);

        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(eventState(fastEvent.eventId())));
        assertThat(fastEndpoint.received()).extracting(r -> r.header(WebhookSignature.EVENT_ID_HEADER))
                .containsExactly(fastEvent.eventId());
        assertThat(slowEvents).allSatisfy(e -> assertThat(eventState(e.eventId())).isEqualTo("PENDING"));
        assertThat(hangingEndpoint.received()).as("the hanging merchant never gets more than its own slots")
                .hasSizeLessThanOrEqualTo(4);
    }
}
