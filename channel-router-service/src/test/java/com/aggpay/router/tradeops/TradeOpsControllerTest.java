package com.aggpay.router.tradeops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.TradeStatus;
import com.aggpay.router.quota.DailyQuota;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.trade.TradeAttempt;
import com.aggpay.router.trade.TradeAttemptRows;
import com.aggpay.router.web.ProblemAdvice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Close and query of handed-out trades, with the trade store, the quota and the adapter doubled. */
class TradeOpsControllerTest {

    private static final String TRADE = "2f9c1e00000000000000000001";
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private final TradeAttemptRows attempts = mock(TradeAttemptRows.class);
    private final TradeCloseRows closeRows = mock(TradeCloseRows.class);
    private final ChannelInstances channels = mock(ChannelInstances.class);
    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private final DailyQuota quota = mock(DailyQuota.class);
    private MockMvc mvc;

    @BeforeEach
    void aHandedOutAlipayTradeWithReservedQuota() {
        when(adapter.type()).thenReturn(ChannelType.ALIPAY);
        when(channels.find("alipay-a")).thenReturn(Optional.of(new ChannelInstance("alipay-a", ChannelType.ALIPAY,
                "2021000000000001", Set.of(), true, "http://sim", "http://cb", Map.of())));
        when(attempts.find(TRADE)).thenReturn(handedOut());
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
        UpstreamTrades trades = new UpstreamTrades(attempts, channels, new ChannelAdapters(List.of(adapter)));
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.standaloneSetup(new TradeOpsController(
                        new CloseTrade(trades, closeRows, quota, clock), new QueryTrade(trades)))
                .setControllerAdvice(new ProblemAdvice())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(json)).build();
    }

    @Test
    void a_confirmed_close_answers_closed_and_gives_the_quota_back_only_once() throws Exception {
        when(adapter.closeTrade(any(), eq(TRADE))).thenReturn(TradeStatus.CLOSED);
        // the row's close state flips only for the first confirmation
        when(closeRows.markHandedOutClosed(eq(TRADE), any())).thenReturn(1, 0);

        JsonNode first = body(mvc.perform(post("/internal/trades/" + TRADE + "/close")).andReturn());
        JsonNode second = body(mvc.perform(post("/internal/trades/" + TRADE + "/close")).andReturn());

        assertThat(first.get("status").asString()).isEqualTo("CLOSED");
        assertThat(second.get("status").asString()).isEqualTo("CLOSED");
        verify(quota, times(1)).release("alipay-a", "M10001", 1234, LocalDate.of(2026, 11, 26));
    }

    @Test
    void a_trade_already_paid_cannot_be_closed_and_keeps_its_quota() throws Exception {
        when(adapter.closeTrade(any(), eq(TRADE))).thenReturn(TradeStatus.PAID);

        JsonNode r = body(mvc.perform(post("/internal/trades/" + TRADE + "/close")).andReturn());

        assertThat(r.get("status").asString()).isEqualTo("PAID");
        verify(quota, never()).release(anyString(), anyString(), anyLong(), any());
    }

    @Test
    void a_failing_channel_makes_the_close_unknown_never_closed() throws Exception {
        when(adapter.closeTrade(any(), eq(TRADE))).thenThrow(new IllegalStateException("read timed out"));

        JsonNode r = body(mvc.perform(post("/internal/trades/" + TRADE + "/close")).andReturn());

        assertThat(r.get("status").asString()).isEqualTo("UNKNOWN");
        verify(closeRows, never()).markHandedOutClosed(anyString(), any());
    }

    @Test
    void an_unknown_trade_is_404() throws Exception {
        MvcResult r = mvc.perform(post("/internal/trades/NOSUCHTRADE/close")).andReturn();
        MvcResult q = mvc.perform(get("/internal/trades/NOSUCHTRADE")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(r).get("code").asString()).isEqualTo("TRADE_UNKNOWN");
        assertThat(q.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void a_verified_query_answers_the_channels_status_with_what_was_paid() throws Exception {
        when(adapter.queryTrade(any(), eq(TRADE))).thenReturn(new NotifyOutcome.Verified(TRADE, "2026112622001",
                "2021000000000001", 1234, "CNY", TradeStatus.PAID, OffsetDateTime.parse("2026-11-26T10:00:00+08:00")));

        JsonNode r = body(mvc.perform(get("/internal/trades/" + TRADE)).andReturn());

        assertThat(r.get("status").asString()).isEqualTo("PAID");
        assertThat(r.get("channel").asString()).isEqualTo("alipay-a");
        assertThat(r.get("channel_trade_no").asString()).isEqualTo("2026112622001");
        assertThat(r.get("amount").asLong()).isEqualTo(1234);
        assertThat(r.get("currency").asString()).isEqualTo("CNY");
        assertThat(r.get("paid_at").asString()).isEqualTo("2026-11-26T10:00+08:00");
    }

    @Test
    void a_refused_or_failed_query_is_unknown() throws Exception {
        when(adapter.queryTrade(any(), eq(TRADE))).thenReturn(new NotifyOutcome.Refused("bad signature"))
                .thenThrow(new IllegalStateException("503"));

        JsonNode refused = body(mvc.perform(get("/internal/trades/" + TRADE)).andReturn());
        JsonNode failed = body(mvc.perform(get("/internal/trades/" + TRADE)).andReturn());

        assertThat(refused.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(failed.get("status").asString()).isEqualTo("UNKNOWN");
    }

    private static TradeAttempt handedOut() {
        TradeAttempt a = new TradeAttempt();
        a.setOutTradeNo(TRADE);
        a.setPayOrderId("po_2f9c1e000000000000000000");
        a.setMchNo("M10001");
        a.setChannel("alipay-a");
        a.setAmount(1234);
        a.setOutcome("ACCEPTED");
        a.setQuotaReserved(true);
        a.setCreatedAt(LocalDateTime.of(2026, 11, 26, 1, 0));
        return a;
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }
}
