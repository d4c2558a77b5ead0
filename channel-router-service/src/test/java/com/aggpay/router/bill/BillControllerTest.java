package com.aggpay.router.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ProblemAdvice;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The bill endpoint with the channel store and the adapter doubled: what order-service gets for each case. */
class BillControllerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // what Spring Boot's own mapper registers, so problem members land at the top level as in production
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private final ChannelInstances channels = mock(ChannelInstances.class);
    private final ChannelAdapter adapter = mock(ChannelAdapter.class);
    private MockMvc mvc;

    @BeforeEach
    void alipayAIsAKnownChannelWhoseAdapterCanDownloadBills() {
        when(adapter.type()).thenReturn(ChannelType.ALIPAY);
        when(adapter.capabilities()).thenReturn(Set.of(Capability.BILL));
        when(channels.find("alipay-a")).thenReturn(Optional.of(new ChannelInstance("alipay-a", ChannelType.ALIPAY,
                "2021000000000001", Set.of(), true, "http://sim", "http://cb", Map.of())));
        when(channels.find("nope")).thenReturn(Optional.empty());
        mvc = MockMvcBuilders.standaloneSetup(new BillController(channels, new ChannelAdapters(List.of(adapter))))
                .setControllerAdvice(new ProblemAdvice())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(json)).build();
    }

    @Test
    void the_parsed_bill_is_answered_line_by_line_in_snake_case() throws Exception {
        when(adapter.downloadBill(any(), any())).thenReturn(new ChannelBill("alipay-a", DAY, List.of(
                new ChannelBill.Line(ChannelBill.Kind.PAYMENT, "T01", "2026112522001", null, 1000, 4, "TRADE_SUCCESS",
                        OffsetDateTime.parse("2026-11-25T10:00:00+08:00")),
                new ChannelBill.Line(ChannelBill.Kind.REFUND, "T01", "2026112522001", "R1", 400, 2, "REFUND_SUCCESS",
                        OffsetDateTime.parse("2026-11-25T11:00:00+08:00")))));

        MvcResult r = mvc.perform(get("/internal/bills/alipay-a/2026-11-25")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode bill = json.readTree(r.getResponse().getContentAsString());
        assertThat(bill.get("channel").asString()).isEqualTo("alipay-a");
        assertThat(bill.get("day").asString()).isEqualTo("2026-11-25");
        assertThat(bill.get("lines")).hasSize(2);
        JsonNode payment = bill.get("lines").get(0);
        assertThat(payment.get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(payment.get("out_trade_no").asString()).isEqualTo("T01");
        assertThat(payment.get("amount").asLong()).isEqualTo(1000);
        assertThat(payment.get("status").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(bill.get("lines").get(1).get("out_refund_no").asString()).isEqualTo("R1");
    }

    @Test
    void an_unknown_channel_is_404() throws Exception {
        MvcResult r = mvc.perform(get("/internal/bills/nope/2026-11-25")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(code(r)).isEqualTo("CHANNEL_UNKNOWN");
    }

    @Test
    void an_adapter_without_bills_is_501() throws Exception {
        when(adapter.capabilities()).thenReturn(Set.of(Capability.QUERY));
        MvcResult r = mvc.perform(get("/internal/bills/alipay-a/2026-11-25")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(501);
        assertThat(code(r)).isEqualTo("BILL_UNSUPPORTED");
    }

    @Test
    void a_failed_download_is_503_never_an_empty_bill() throws Exception {
        when(adapter.downloadBill(any(), any())).thenThrow(new IllegalStateException("upstream 500"));
        MvcResult r = mvc.perform(get("/internal/bills/alipay-a/2026-11-25")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(code(r)).isEqualTo("BILL_UNAVAILABLE");
    }

    @Test
    void a_malformed_date_is_400() throws Exception {
        MvcResult r = mvc.perform(get("/internal/bills/alipay-a/25-11-2026")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("PARAM_INVALID");
    }

    private String code(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString()).get("code").asString();
    }
}
