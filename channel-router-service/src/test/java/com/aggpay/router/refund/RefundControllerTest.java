package com.aggpay.router.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.aggpay.contracts.trade.RefundAnswer;
import com.aggpay.contracts.trade.RefundCall;
import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundOutcome;
import com.aggpay.router.channel.RefundRequest;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundControllerTest {

    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private final ChannelInstances channels = mock(ChannelInstances.class);
    private final ChannelInstance wxpayA = new ChannelInstance("wxpay-a", ChannelType.WXPAY_V3, "1900000001",
            EnumSet.of(PayWay.WX_NATIVE), true, "http://sim", "http://gw/api/v1/channel-notify/wxpay-a", Map.of());
    private RefundController controller;

    @BeforeEach
    void aWxpayChannelThatCanRefund() {
        when(adapter.type()).thenReturn(ChannelType.WXPAY_V3);
        when(adapter.capabilities()).thenReturn(EnumSet.of(Capability.REFUND, Capability.REFUND_QUERY));
        when(channels.find("wxpay-a")).thenReturn(Optional.of(wxpayA));
        when(channels.find("nope")).thenReturn(Optional.empty());
        controller = new RefundController(new RefundOnChannel(channels, new ChannelAdapters(List.of(adapter))));
    }

    @Test
    void a_refund_goes_to_the_adapter_of_the_paid_trades_channel_and_its_outcome_comes_back() {
        when(adapter.refund(eq(wxpayA), any())).thenReturn(
                new RefundOutcome.Succeeded("50300001", 400, OffsetDateTime.now()));

        RefundAnswer answer = controller.refund(call("wxpay-a", 400));

        assertThat(answer).isEqualTo(new RefundAnswer(RefundAnswer.Outcome.SUCCEEDED, "50300001", 400, null, null));
        verify(adapter).refund(wxpayA, new RefundRequest("T01", "R01", 400, 1000, "CNY", "returned"));
    }

    @Test
    void a_channel_without_refunds_answers_failed_without_calling_it() {
        when(adapter.capabilities()).thenReturn(EnumSet.noneOf(Capability.class));

        RefundAnswer answer = controller.refund(call("wxpay-a", 400));

        assertThat(answer.outcome()).isEqualTo(RefundAnswer.Outcome.FAILED);
        assertThat(answer.channelCode()).isEqualTo("REFUND_UNSUPPORTED");
        verify(adapter, never()).refund(any(), any());
    }

    @Test
    void an_adapter_fault_is_an_unknown_outcome_never_a_failure() {
        when(adapter.refund(any(), any())).thenThrow(new IllegalStateException("boom"));

        assertThat(controller.refund(call("wxpay-a", 400)).outcome()).isEqualTo(RefundAnswer.Outcome.UNKNOWN);
    }

    @Test
    void a_query_maps_the_adapters_answer() {
        when(adapter.queryRefund(wxpayA, "T01", "R01")).thenReturn(new RefundOutcome.Processing("50300001"));
        when(adapter.queryRefund(wxpayA, "T01", "R02")).thenReturn(new RefundOutcome.Unknown("REFUND_NOT_FOUND", "?"));

        assertThat(controller.query(RefundCall.query("wxpay-a", "T01", "R01")).outcome())
                .isEqualTo(RefundAnswer.Outcome.PROCESSING);
        assertThat(controller.query(RefundCall.query("wxpay-a", "T01", "R02")).channelCode())
                .isEqualTo("REFUND_NOT_FOUND");
        assertThat(controller.query(RefundCall.query("nope", "T01", "R01")).outcome())
                .isEqualTo(RefundAnswer.Outcome.UNKNOWN);
    }

    @Test
    void an_unknown_channel_fails_and_a_refund_above_the_total_is_refused() {
        assertThat(controller.refund(call("nope", 400)).channelCode()).isEqualTo("CHANNEL_UNKNOWN");
        assertThatThrownBy(() -> controller.refund(call("wxpay-a", 1001))).isInstanceOf(ApiException.class);
    }

    private static RefundCall call(String channel, long amount) {
        return new RefundCall(channel, "T01", "R01", amount, 1000, "CNY", "returned");
    }
}
