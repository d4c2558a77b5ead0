package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.aggpay.router.RouterProperties;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayDataType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.aggpay.router.circuit.ChannelCircuits;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.routing.RoutingPolicy;
import com.aggpay.router.routing.Strategy;
import com.aggpay.router.routing.WindowStats;
import com.aggpay.router.routing.health.HealthWindows;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.store.RoutableChannel;
import com.aggpay.router.store.RoutingPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class PlaceTradeTest {

    /** An adapter that answers from a script per channel and remembers every trade number it was asked for. */
    static class ScriptedAdapter implements ChannelAdapter {
        final Map<String, Deque<TradeOutcome>> script = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        ScriptedAdapter answer(String channel, TradeOutcome... outcomes) {
            script.computeIfAbsent(channel, c -> new ArrayDeque<>()).addAll(List.of(outcomes));
            return this;
        }

        @Override
        public ChannelType type() {
            return ChannelType.WXPAY_V3;
        }

        @Override
        public Set<PayWay> payWays() {
            return EnumSet.of(PayWay.WX_NATIVE);
        }

        @Override
        public Set<com.aggpay.router.channel.Capability> capabilities() {
            return Set.of();
        }

        @Override
        public TradeOutcome createTrade(ChannelInstance channel, TradeRequest request) {
            calls.add(channel.name() + ":" + request.outTradeNo());
            return script.get(channel.name()).poll();
        }

        @Override
        public NotifyOutcome verifyPaymentNotification(ChannelInstance c, ChannelNotification n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ResponseEntity<String> acknowledge() {
            return ResponseEntity.noContent().build();
        }

        @Override
        public ResponseEntity<String> refuse(String reason) {
            return ResponseEntity.internalServerError().build();
        }
    }

    private final ChannelInstances channels = mock(ChannelInstances.class);
    private final TradeAttemptRows attemptRows = mock(TradeAttemptRows.class);
    private final DailyQuota quota = mock(DailyQuota.class);
    private final ScriptedAdapter adapter = new ScriptedAdapter();
    private final List<TradeAttempt> recorded = new ArrayList<>();

    private PlaceTrade placeTrade(String... contracted) {
        return placeTrade(new ChannelAdapters(List.of(adapter)), contracted);
    }

    private PlaceTrade placeTrade(ChannelAdapters adapters, String... contracted) {
        List<RoutableChannel> list = new ArrayList<>();
        int priority = 10;
        for (String name : contracted) {
            list.add(new RoutableChannel(new ChannelInstance(name, ChannelType.WXPAY_V3, "acct-" + name,
                    EnumSet.of(PayWay.WX_NATIVE), true, "http://sim", "http://gw/api/v1/channel-notify/" + name,
                    Map.of()), priority += 10, 100, 6000, null, null));
        }
        when(channels.contractedFor("M1", 1234)).thenReturn(list);
        when(attemptRows.findByOrder(anyString())).thenReturn(List.of());
        when(attemptRows.record(any())).thenAnswer(inv -> {
            recorded.add(inv.getArgument(0));
            return 1;
        });
        when(quota.reserve(anyString(), anyString(), anyLong(), any(), any())).thenReturn(true);
        RoutingPolicies policies = mock(RoutingPolicies.class);
        when(policies.forMerchant(anyString())).thenReturn(new RoutingPolicy(Strategy.FIXED_PRIORITY, 0, 0));
        HealthWindows health = mock(HealthWindows.class);
        when(health.stats(anyString(), anyString())).thenReturn(new WindowStats(0, 0));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new PlaceTrade(channels, adapters, new RankChannels(policies, health), health,
                new ChannelCircuits(meters, Duration.ofSeconds(20), Duration.ofSeconds(2)), quota,
                new TradeAttempts(attemptRows, Clock.systemUTC()), new RouterProperties("http://gw", 3), meters,
                io.micrometer.observation.ObservationRegistry.NOOP);
    }

    private static PlaceTradeRequest anOrder() {
        return new PlaceTradeRequest("po_0123456789abcdef01234567", "M1", "app", 1234, "CNY", "WX_NATIVE", "Latte",
                null, "203.0.113.7", "2026-11-26T10:15:00Z", Map.of());
    }

    private static TradeOutcome.Accepted codeUrl(String url) {
        return new TradeOutcome.Accepted(PayDataType.CODE_URL, url);
    }

    @Test
    void the_first_candidate_that_accepts_wins_and_its_pay_data_is_handed_out() {
        adapter.answer("wxpay-a", codeUrl("weixin://a"));

        PlaceTradeResponse r = placeTrade("wxpay-a", "wxpay-b").place(anOrder());

        assertThat(r.outcome()).isEqualTo(PlaceTradeResponse.Outcome.ACCEPTED);
        assertThat(r.channel()).isEqualTo("wxpay-a");
        assertThat(r.outTradeNo()).isEqualTo("0123456789abcdef0123456701");
        assertThat(r.payData()).isEqualTo("weixin://a");
        assertThat(adapter.calls).containsExactly("wxpay-a:0123456789abcdef0123456701");
    }

    @Test
    void a_definite_rejection_moves_on_to_the_next_candidate_with_a_new_trade_number() {
        adapter.answer("wxpay-a", new TradeOutcome.Rejected("NO_AUTH", "no permission"))
                .answer("wxpay-b", codeUrl("weixin://b"));

        PlaceTradeResponse r = placeTrade("wxpay-a", "wxpay-b").place(anOrder());

        assertThat(r.channel()).isEqualTo("wxpay-b");
        assertThat(r.payData()).isEqualTo("weixin://b");
        assertThat(r.attempts()).extracting(PlaceTradeResponse.Attempt::outcome).containsExactly("REJECTED", "ACCEPTED");
        assertThat(adapter.calls).containsExactly("wxpay-a:0123456789abcdef0123456701",
                "wxpay-b:0123456789abcdef0123456702");
    }

    @Test
    void an_unknown_outcome_orphans_the_trade_and_never_hands_out_its_pay_data() {
        adapter.answer("wxpay-a", new TradeOutcome.Unknown("SYSTEM_ERROR", "read timed out"))
                .answer("wxpay-b", codeUrl("weixin://b"));

        PlaceTradeResponse r = placeTrade("wxpay-a", "wxpay-b").place(anOrder());

        assertThat(r.channel()).isEqualTo("wxpay-b");
        assertThat(r.outTradeNo()).endsWith("02");
        assertThat(recorded.get(0).getOutTradeNo()).isEqualTo("0123456789abcdef0123456701");
        assertThat(recorded.get(0).getOutcome()).isEqualTo("UNKNOWN");
        assertThat(recorded.get(0).getCloseState()).isEqualTo("PENDING");
        assertThat(recorded.get(1).getCloseState()).isNull();
    }

    @Test
    void with_no_other_candidate_an_unknown_outcome_is_retried_once_with_the_same_trade_number() {
        adapter.answer("wxpay-a", new TradeOutcome.Unknown("SYSTEM_ERROR", "5xx"), codeUrl("weixin://a"));

        PlaceTradeResponse r = placeTrade("wxpay-a").place(anOrder());

        assertThat(r.outcome()).isEqualTo(PlaceTradeResponse.Outcome.ACCEPTED);
        assertThat(adapter.calls).containsExactly("wxpay-a:0123456789abcdef0123456701",
                "wxpay-a:0123456789abcdef0123456701");
    }

    @Test
    void a_paid_answer_stops_the_search() {
        adapter.answer("wxpay-a", new TradeOutcome.Paid("ORDERPAID"));

        PlaceTradeResponse r = placeTrade("wxpay-a", "wxpay-b").place(anOrder());

        assertThat(r.outcome()).isEqualTo(PlaceTradeResponse.Outcome.PAID);
        assertThat(r.payData()).isNull();
        assertThat(adapter.calls).hasSize(1);
    }

    @Test
    void when_every_candidate_refuses_there_is_no_channel_and_every_attempt_is_listed() {
        adapter.answer("wxpay-a", new TradeOutcome.Rejected("NO_AUTH", ""))
                .answer("wxpay-b", new TradeOutcome.Rejected("PARAM_ERROR", ""));

        PlaceTradeResponse r = placeTrade("wxpay-a", "wxpay-b").place(anOrder());

        assertThat(r.outcome()).isEqualTo(PlaceTradeResponse.Outcome.NO_CHANNEL_AVAILABLE);
        assertThat(r.payData()).isNull();
        assertThat(r.attempts()).extracting(PlaceTradeResponse.Attempt::channelCode)
                .containsExactly("NO_AUTH", "PARAM_ERROR");
        assertThat(recorded).extracting(TradeAttempt::getOutcome).containsExactly("REJECTED", "REJECTED");
        verify(quota, times(2)).release(anyString(), anyString(), anyLong(), any());
    }

    @Test
    void attempts_are_bounded_however_many_channels_fail() {
        for (String c : List.of("c1", "c2", "c3", "c4", "c5")) {
            adapter.answer(c, new TradeOutcome.Rejected("SYSTEMERROR_DEFINITE", ""));
        }

        PlaceTradeResponse r = placeTrade("c1", "c2", "c3", "c4", "c5").place(anOrder());

        assertThat(r.attempts()).hasSize(3);
        assertThat(adapter.calls).hasSize(3);
    }

    @Test
    void an_adapter_that_throws_counts_as_unknown_never_as_accepted() {
        ChannelAdapter throwing = new ScriptedAdapter() {
            @Override
            public TradeOutcome createTrade(ChannelInstance channel, TradeRequest request) {
                throw new IllegalStateException("bug");
            }
        };
        PlaceTrade placeTrade = placeTrade(new ChannelAdapters(List.of(throwing)), "wxpay-a");

        PlaceTradeResponse r = placeTrade.place(anOrder());

        assertThat(r.outcome()).isEqualTo(PlaceTradeResponse.Outcome.NO_CHANNEL_AVAILABLE);
        assertThat(r.attempts()).extracting(PlaceTradeResponse.Attempt::outcome).containsOnly("UNKNOWN");
    }
}
