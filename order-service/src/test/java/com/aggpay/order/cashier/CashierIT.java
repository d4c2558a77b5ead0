package com.aggpay.order.cashier;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.order.close.CloseITSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The cashier's orders against the real MariaDB (the router doubled): static-code payments through the normal
 * create path, the PBOC daily cap under concurrency and its give-back, and QR_CASHIER links taken by one payer.
 */
class CashierIT extends CloseITSupport {

    private static final RequestPostProcessor FROM_GATEWAY = asService("gateway-service", "order-service");

    @BeforeEach
    void routerOpensJsapiTrades() {
        doAnswer(inv -> {
            PlaceTradeRequest r = inv.getArgument(0);
            String outTradeNo = r.payOrderId().substring(3) + "01";
            return new PlaceTradeResponse(PlaceTradeResponse.Outcome.ACCEPTED, "wxpay-a", outTradeNo,
                    "JSAPI_PARAMS", "{\"package\":\"prepay_id=wx" + outTradeNo + "\"}",
                    List.of(new PlaceTradeResponse.Attempt(1, "wxpay-a", outTradeNo, "ACCEPTED", null, 20)));
        }).when(router).placeTrade(any());
    }

    @Test
    void aStaticCodePaymentIsAnOrderOfTheStoresMerchantForThePayersWalletAndARetriedPressIsTheSameOrder()
            throws Exception {
        String openid = "o" + unique();
        String press = UUID.randomUUID().toString();

        MvcResult first = payAtStore(wechat(openid), 1234, press);
        MvcResult again = payAtStore(wechat(openid), 1234, press);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        JsonNode answer = body(first);
        assertThat(answer.get("pay_way").asString()).isEqualTo("WX_JSAPI");
        assertThat(answer.get("pay_data_type").asString()).isEqualTo("JSAPI_PARAMS");
        assertThat(answer.get("amount").asLong()).isEqualTo(1234);
        assertThat(body(again).get("pay_order_id").asString()).isEqualTo(answer.get("pay_order_id").asString());
        ArgumentCaptor<PlaceTradeRequest> placed = ArgumentCaptor.forClass(PlaceTradeRequest.class);
        verify(router, times(1)).placeTrade(placed.capture());
        PlaceTradeRequest trade = placed.getValue();
        assertThat(trade.mchNo()).isEqualTo("M10001");
        assertThat(trade.appId()).isEqualTo("it-app");
        assertThat(trade.payWay()).isEqualTo("WX_JSAPI");
        assertThat(trade.channelExtra()).containsEntry("openid", openid).containsEntry("appid", "wx0000000000000001");
        String payOrderId = answer.get("pay_order_id").asString();
        assertThat(jdbc.queryForObject("SELECT metadata FROM pay_order WHERE pay_order_id = ?", String.class,
                payOrderId)).isEqualTo("{\"store_code\":\"it-store\"}");
        assertThat(jdbc.queryForObject("SELECT subject FROM pay_order WHERE pay_order_id = ?", String.class,
                payOrderId)).isEqualTo("IT Noodles");

        JsonNode seen = body(find(payOrderId, wechat(openid)));
        assertThat(seen.get("state").asString()).isEqualTo("PAYING");
        assertThat(seen.get("store_name").asString()).isEqualTo("IT Noodles");
        assertThat(find(payOrderId, wechat("o" + unique())).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theThirdPaymentOf200YuanOfOnePayerIsRefusedWhileAnotherPayerStillPaysAndAClosedOrderGivesItsShareBack()
            throws Exception {
        Payer payer = alipay("2088" + digits());
        String firstOrder = body(payAtStore(payer, 20000, UUID.randomUUID().toString())).get("pay_order_id").asString();
        assertThat(payAtStore(payer, 20000, UUID.randomUUID().toString()).getResponse().getStatus()).isEqualTo(201);

        MvcResult third = payAtStore(payer, 20000, UUID.randomUUID().toString());
        assertThat(third.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(third).get("code").asString()).isEqualTo("STATIC_QR_DAILY_CAP");
        assertThat(body(third).get("remaining").asLong()).isEqualTo(10000);
        assertThat(payAtStore(alipay("2088" + digits()), 20000, UUID.randomUUID().toString()).getResponse()
                .getStatus()).isEqualTo(201);
        assertThat(payAtStore(payer, 10000, UUID.randomUUID().toString()).getResponse().getStatus()).isEqualTo(201);

        // the first order ends unpaid: its 200 CNY are the payer's again
        when(tradeOps.closeTrade(firstOrder.substring(3) + "01")).thenReturn(new CloseTradeAnswer("CLOSED"));
        assertThat(close(firstOrder, "it-app").getResponse().getStatus()).isEqualTo(200);
        assertThat(payAtStore(payer, 20000, UUID.randomUUID().toString()).getResponse().getStatus()).isEqualTo(201);
        assertThat(payAtStore(payer, 1, UUID.randomUUID().toString()).getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void concurrentPaymentsOfOnePayerNeverPassTheCapTogether() throws Exception {
        Payer payer = unionPay("up" + unique());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Callable<Integer> pay = () -> payAtStore(payer, 10000, UUID.randomUUID().toString()).getResponse()
                        .getStatus();
                statuses.add(pool.submit(pay));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> s : statuses) {
                answers.add(s.get());
            }
            assertThat(answers).containsOnly(201, 409);
            assertThat(answers.stream().filter(s -> s == 201).count()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM cashier_payment WHERE payer_key = ?", Long.class,
                payer.key())).isEqualTo(50000);
    }

    @Test
    void aQrCashierOrderIsALinkUntilOnePayersWalletTakesItAndNobodyElseCanPayIt() throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/pay/orders").headers(merchant())
                .contentType(MediaType.APPLICATION_JSON).content("{\"mch_order_no\":\"QC" + unique()
                        + "\",\"amount\":88800,\"pay_way\":\"QR_CASHIER\",\"subject\":\"Banquet deposit\"}"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode order = body(created);
        String payOrderId = order.get("pay_order_id").asString();
        assertThat(order.get("pay_data_type").asString()).isEqualTo("PAY_URL");
        assertThat(order.get("pay_data").asString()).isEqualTo("http://127.0.0.1:8080/cashier/pay/" + payOrderId);
        verify(router, times(0)).placeTrade(any());
        JsonNode link = body(mvc.perform(get("/internal/cashier/links/" + payOrderId).with(FROM_GATEWAY)).andReturn());
        assertThat(link.get("amount").asLong()).isEqualTo(88800);
        assertThat(link.get("mch_no").asString()).isEqualTo("M10001");

        Payer openIdPayer = new Payer("ALIPAY", "074a" + unique(), "OPEN_ID", "2021000000000002");
        MvcResult paid = payLink(payOrderId, openIdPayer);
        MvcResult paidAgain = payLink(payOrderId, openIdPayer);
        MvcResult someoneElse = payLink(payOrderId, wechat("o" + unique()));

        assertThat(paid.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(paid).get("amount").asLong()).isEqualTo(88800);
        assertThat(body(paid).get("pay_way").asString()).isEqualTo("ALI_JSAPI");
        assertThat(body(paidAgain).get("pay_data").asString()).isEqualTo(body(paid).get("pay_data").asString());
        assertThat(someoneElse.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(someoneElse).get("code").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        ArgumentCaptor<PlaceTradeRequest> placed = ArgumentCaptor.forClass(PlaceTradeRequest.class);
        verify(router, times(1)).placeTrade(placed.capture());
        assertThat(placed.getValue().payWay()).isEqualTo("ALI_JSAPI");
        assertThat(placed.getValue().amount()).isEqualTo(88800);
        assertThat(placed.getValue().channelExtra()).containsEntry("buyer_open_id", openIdPayer.payerId())
                .containsEntry("op_app_id", "2021000000000002");
        // the merchant keeps seeing its link, never the payer's wallet parameters
        JsonNode merchantView = body(mvc.perform(get("/api/v1/pay/orders/" + payOrderId).headers(merchant()))
                .andReturn());
        assertThat(merchantView.get("pay_data_type").asString()).isEqualTo("PAY_URL");
        assertThat(merchantView.get("pay_way").asString()).isEqualTo("QR_CASHIER");
        // a QR_CASHIER link is not a static code: it takes nothing from the payer's cap
        assertThat(jdbc.queryForObject("SELECT static_code FROM cashier_payment WHERE pay_order_id = ?",
                Integer.class, payOrderId)).isZero();
    }

    @Test
    void onlyTheGatewayMayCallAndOrdersOutsideTheCashierAreNotShownToPayers() throws Exception {
        clearInvocations(router);
        String body = storeBody(wechat("o" + unique()), 100, UUID.randomUUID().toString());
        assertThat(mvc.perform(post("/internal/cashier/orders").with(request -> {
            request.removeHeader(com.aggpay.contracts.service.ServiceTokens.HEADER);
            return request;
        }).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(post("/internal/cashier/orders").with(asService("merchant-service", "order-service"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        verify(router, times(0)).placeTrade(any());

        String merchantOrder = aPayingOrder(500).get("pay_order_id").asString();
        assertThat(find(merchantOrder, wechat("o" + unique())).getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/internal/cashier/links/" + merchantOrder).with(FROM_GATEWAY)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(payLink(merchantOrder, wechat("o" + unique())).getResponse().getStatus()).isEqualTo(404);
        MvcResult forged = payAtStore(new Payer("WECHAT", "o" + unique(), "OPENID", null), 100, UUID.randomUUID()
                .toString());
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
    }

    // ---- helpers

    private MvcResult payAtStore(Payer payer, long amount, String requestId) throws Exception {
        return mvc.perform(post("/internal/cashier/orders").with(FROM_GATEWAY).contentType(MediaType.APPLICATION_JSON)
                .content(storeBody(payer, amount, requestId))).andReturn();
    }

    private String storeBody(Payer payer, long amount, String requestId) {
        return json.writeValueAsString(java.util.Map.of("app_id", "it-app", "mch_no", "M10001", "store_code",
                "it-store", "store_name", "IT Noodles", "amount", amount, "request_id", requestId,
                "payer", payerMap(payer)));
    }

    private MvcResult payLink(String payOrderId, Payer payer) throws Exception {
        return mvc.perform(post("/internal/cashier/orders/" + payOrderId + "/pay").with(FROM_GATEWAY)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        java.util.Map.of("payer", payerMap(payer))))).andReturn();
    }

    private MvcResult find(String payOrderId, Payer payer) throws Exception {
        var request = get("/internal/cashier/orders/" + payOrderId).with(FROM_GATEWAY)
                .param("wallet", payer.wallet()).param("payer_id", payer.payerId()).param("id_kind", payer.idKind());
        if (payer.appId() != null) {
            request.param("app_id", payer.appId());
        }
        return mvc.perform(request).andReturn();
    }

    private static java.util.Map<String, Object> payerMap(Payer payer) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("wallet", payer.wallet());
        m.put("payer_id", payer.payerId());
        m.put("id_kind", payer.idKind());
        m.put("app_id", payer.appId());
        return m;
    }

    private static Payer wechat(String openid) {
        return new Payer("WECHAT", openid, "OPENID", "wx0000000000000001");
    }

    private static Payer alipay(String userId) {
        return new Payer("ALIPAY", userId, "USER_ID", null);
    }

    private static Payer unionPay(String appUserId) {
        return new Payer("UNIONPAY", appUserId, "APP_USER_ID", null);
    }

    private static HttpHeaders merchant() {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Aggpay-App-Id", "it-app");
        h.add("X-Aggpay-Mch-No", "M10001");
        return h;
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static String digits() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
    }
}
