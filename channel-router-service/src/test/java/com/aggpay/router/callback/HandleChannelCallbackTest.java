package com.aggpay.router.callback;

import com.aggpay.contracts.trade.PaymentReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeStatus;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import feign.FeignException;
import feign.Request;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class HandleChannelCallbackTest {

    private static final ChannelInstance WXPAY_A = new ChannelInstance("wxpay-a", ChannelType.WXPAY_V3, "1900000001",
            EnumSet.of(PayWay.WX_NATIVE), true, "http://sim", "http://gw/api/v1/channel-notify/wxpay-a", Map.of());
    private static final ChannelNotification RAW = new ChannelNotification(Map.of(), "{}".getBytes(), "application/json");

    private final ChannelInstances channels = mock(ChannelInstances.class);
    private final OrderServiceClient orders = mock(OrderServiceClient.class);
    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private HandleChannelCallback handler;

    @BeforeEach
    void setUp() {
        when(adapter.type()).thenReturn(ChannelType.WXPAY_V3);
        when(adapter.payWays()).thenReturn(Set.of(PayWay.WX_NATIVE));
        when(adapter.acknowledge()).thenReturn(ResponseEntity.noContent().build());
        when(adapter.refuse(anyString())).thenReturn(ResponseEntity.badRequest().body("FAIL"));
        when(adapter.retryLater(anyString())).thenReturn(ResponseEntity.status(503).body("FAIL"));
        when(channels.find("wxpay-a")).thenReturn(Optional.of(WXPAY_A));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ChannelAdapters registry = new ChannelAdapters(List.of(adapter));
        handler = new HandleChannelCallback(channels, registry, orders, meters,
                new HandleRefundCallback(channels, registry, orders, meters));
    }

    private void notificationSays(NotifyOutcome outcome) {
        when(adapter.verifyPaymentNotification(eq(WXPAY_A), any())).thenReturn(outcome);
    }

    private static NotifyOutcome.Verified paid(String account, long amount) {
        return new NotifyOutcome.Verified("0123456789abcdef0123456701", "4200000001", account, amount, "CNY",
                TradeStatus.PAID, OffsetDateTime.parse("2026-11-26T10:00:00+08:00"));
    }

    @Test
    void a_verified_payment_is_reported_to_the_order_and_then_acknowledged() {
        notificationSays(paid("1900000001", 1234));
        when(orders.reportPayment(eq("0123456789abcdef0123456701"), any())).thenReturn(Map.of("result", "APPLIED"));

        ResponseEntity<String> answer = handler.handle("wxpay-a", RAW, "127.0.0.1");

        assertThat(answer.getStatusCode().value()).isEqualTo(204);
        verify(orders).reportPayment("0123456789abcdef0123456701", new PaymentReport("wxpay-a",
                "4200000001", "1900000001", 1234, "CNY", "2026-11-26T10:00+08:00"));
    }

    @Test
    void a_notification_that_fails_verification_is_refused_and_never_reaches_the_order() {
        notificationSays(new NotifyOutcome.Refused("signature invalid"));

        assertThat(handler.handle("wxpay-a", RAW, "203.0.113.9").getStatusCode().value()).isEqualTo(400);
        verifyNoInteractions(orders);
    }

    @Test
    void a_notification_the_adapter_cannot_even_parse_is_refused_not_thrown() {
        when(adapter.verifyPaymentNotification(eq(WXPAY_A), any())).thenThrow(new IllegalArgumentException("bad %"));

        assertThat(handler.handle("wxpay-a", RAW, "203.0.113.9").getStatusCode().value()).isEqualTo(400);
        verifyNoInteractions(orders);
    }

    @Test
    void a_notification_whose_shape_cannot_be_told_is_refused_not_thrown() {
        when(adapter.announcesRefund(any())).thenThrow(new IllegalArgumentException("parameter repeated"));

        assertThat(handler.handle("wxpay-a", RAW, "203.0.113.9").getStatusCode().value()).isEqualTo(400);
        verifyNoInteractions(orders);
    }

    @Test
    void a_notification_for_another_account_is_refused() {
        notificationSays(paid("1900000002", 1234));

        assertThat(handler.handle("wxpay-a", RAW, "127.0.0.1").getStatusCode().value()).isEqualTo(400);
        verifyNoInteractions(orders);
    }

    @Test
    void an_unknown_channel_is_refused_as_channel_unknown() {
        when(channels.find("nope")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> handler.handle("nope", RAW, "127.0.0.1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_UNKNOWN));
        verifyNoInteractions(orders);
    }

    @Test
    void when_the_order_side_rejects_it_is_refused_and_when_it_is_down_the_channel_is_asked_to_retry_later() {
        notificationSays(paid("1900000001", 1));
        Request request = Request.create(Request.HttpMethod.POST, "/internal", new HashMap<>(), null,
                StandardCharsets.UTF_8, null);
        when(orders.reportPayment(anyString(), any()))
                .thenThrow(new FeignException.Conflict("NOTIFY_MISMATCH", request, null, null))
                .thenThrow(new FeignException.ServiceUnavailable("down", request, null, null));

        assertThat(handler.handle("wxpay-a", RAW, "127.0.0.1").getStatusCode().value()).isEqualTo(400);
        assertThat(handler.handle("wxpay-a", RAW, "127.0.0.1").getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void a_notification_that_is_not_a_payment_is_acknowledged_without_touching_the_order() {
        notificationSays(new NotifyOutcome.Verified("t01", "42", "1900000001", 1, "CNY", TradeStatus.CLOSED, null));

        assertThat(handler.handle("wxpay-a", RAW, "127.0.0.1").getStatusCode().value()).isEqualTo(204);
        verifyNoInteractions(orders);
    }
}
