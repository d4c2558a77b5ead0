package com.aggpay.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aggpay.contracts.event.EventType;
import com.aggpay.contracts.event.PaymentEvent;
import com.aggpay.notify.support.IntegrationTest;
import com.aggpay.notify.support.MerchantEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One order's events reach the merchant in the order they happened (order_seq), whatever order they arrive in and
 * however the first one's attempts go.
 */
class OrderedDeliveryIT extends IntegrationTest {

    @Test
    void a_refund_event_that_arrives_before_its_payment_is_delivered_after_it() throws Exception {
        try (MerchantEndpoint endpoint = new MerchantEndpoint()) {
            String mchNo = aMerchantNo();
            String appId = aMerchantApp(mchNo, "whsec-order-1", endpoint.url());
            String payOrderId = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            PaymentEvent payment = event(EventType.PaymentSucceeded, mchNo, appId, payOrderId, 1);
            PaymentEvent refund = event(EventType.RefundSucceeded, mchNo, appId, payOrderId, 2);

            publish(refund);
            Thread.sleep(1500);
            assertThat(endpoint.received()).as("the refund waits for its payment").isEmpty();
            publish(payment);

            await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.received().size() == 2);
            assertThat(eventIds(endpoint)).containsExactly(payment.eventId(), refund.eventId());
        }
    }

    @Test
    void a_later_event_waits_while_the_earlier_one_is_being_retried() throws Exception {
        try (MerchantEndpoint endpoint = new MerchantEndpoint().answering(500)) {
            String mchNo = aMerchantNo();
            String appId = aMerchantApp(mchNo, "whsec-order-2", endpoint.url());
            String payOrderId = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            PaymentEvent payment = event(EventType.PaymentSucceeded, mchNo, appId, payOrderId, 1);
            PaymentEvent refund = event(EventType.RefundSucceeded, mchNo, appId, payOrderId, 2);

            publish(payment);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.received().size() == 1);
            publish(refund);

            await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received().size() == 3);
            // the payment's failed attempt, the payment again, and only then its refund
            assertThat(eventIds(endpoint)).containsExactly(payment.eventId(), payment.eventId(), refund.eventId());
            // the attempt is written once the endpoint's answer is back, a moment after the endpoint saw it
            await().atMost(Duration.ofSeconds(10)).until(() -> attemptCount(refund.eventId()) >= 1);
            assertThat(attemptCount(refund.eventId())).isEqualTo(1);
        }
    }

    private static List<String> eventIds(MerchantEndpoint endpoint) {
        return endpoint.received().stream().map(r -> r.header("webhook-id")).toList();
    }

    private static PaymentEvent event(EventType type, String mchNo, String appId, String payOrderId, int seq) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pay_order_id", payOrderId);
        data.put("mch_no", mchNo);
        data.put("amount", 1234);
        return new PaymentEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), type,
                "2026-12-05T10:00:00+08:00", mchNo, appId, null, "req-" + UUID.randomUUID(), payOrderId, seq, data);
    }
}
