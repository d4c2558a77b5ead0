package com.aggpay.order.openapi;

import static com.aggpay.contracts.service.testing.ServiceCallsForTests.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.aggpay.contracts.service.ServiceTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.service.OpenAPIService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The merchant API's OpenAPI document as the gateway fetches it: a service call, no merchant signature. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantApiDocsIT {

    private static final String DOC = "/api/v1/openapi.json";
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Z]");

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenAPIService openApiService;
    @Autowired
    SpringDocConfigProperties springDoc;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void the_document_is_built_on_the_first_request_not_at_start_up() throws Exception {
        assertThat(springDoc.isPreLoadingEnabled()).isFalse();
        assertThat(openApiService.getCachedOpenAPI(Locale.ENGLISH)).isNull();

        document();

        assertThat(openApiService.getCachedOpenAPI(Locale.ENGLISH)).isNotNull();
    }

    @Test
    void the_gateway_gets_an_openapi_3_document_of_the_merchant_api_only_without_any_app_identity() throws Exception {
        MvcResult r = mvc.perform(get(DOC)).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("application/json");
        JsonNode doc = json.readTree(r.getResponse().getContentAsString());
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("AggPay merchant API");
        assertThat(doc.path("info").path("version").asString()).isEqualTo("v1");
        assertThat(doc.path("info").path("description").asString()).contains("AGGPAY-HMAC-SHA256");
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(operations(doc)).containsExactly(
                "GET /api/v1/pay/orders findPayOrderByMchOrderNo",
                "POST /api/v1/pay/orders createPayOrder",
                "GET /api/v1/pay/orders/{pay_order_id} getPayOrder",
                "POST /api/v1/pay/orders/{pay_order_id}/close closePayOrder",
                "POST /api/v1/refunds createRefund",
                "GET /api/v1/refunds/{refund_id} getRefund",
                "GET /api/v1/statements/{date} getStatement");
        assertThat(doc.path("tags").valueStream().map(tag -> tag.path("name").asString()))
                .containsExactly("Pay orders", "Refunds", "Statements");
        assertThat(doc.path("paths").propertyNames()).noneMatch(p -> p.startsWith("/internal")
                || p.startsWith("/api/admin") || p.startsWith("/api/portal"));
    }

    @Test
    void both_signature_schemes_are_described_and_required_by_every_operation() throws Exception {
        JsonNode doc = document();

        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.propertyNames()).containsExactlyInAnyOrder("AggpayHmacSha256", "AggpaySha256Rsa2048");
        for (JsonNode scheme : List.of(schemes.path("AggpayHmacSha256"), schemes.path("AggpaySha256Rsa2048"))) {
            assertThat(scheme.path("type").asString()).isEqualTo("apiKey");
            assertThat(scheme.path("in").asString()).isEqualTo("header");
            assertThat(scheme.path("name").asString()).isEqualTo("Authorization");
            assertThat(scheme.path("description").asString()).contains("PATH_AND_QUERY").contains("NONCE");
        }
        assertThat(schemes.path("AggpayHmacSha256").path("description").asString())
                .contains("AGGPAY-HMAC-SHA256 app_id=").contains("HMAC-SHA256(key = the app secret, message)");
        assertThat(schemes.path("AggpaySha256Rsa2048").path("description").asString())
                .contains("AGGPAY-SHA256-RSA2048").contains("SHA256withRSA");
        forEachOperation(doc, (name, op) -> {
            assertThat(op.path("security").toString()).as(name)
                    .isEqualTo("[{\"AggpayHmacSha256\":[]},{\"AggpaySha256Rsa2048\":[]}]");
            assertThat(op.path("responses").propertyNames()).as(name).contains("401", "403", "429", "503", "504");
            // the app comes from the gateway's headers, never a parameter the merchant fills in
            op.path("parameters").forEach(p -> assertThat(p.path("in").asString()).as(name).isNotEqualTo("header"));
        });
    }

    @Test
    void schemas_carry_the_snake_case_names_the_json_really_has() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");

        JsonNode create = schemas.path("CreatePayOrderRequest");
        assertThat(create.path("properties").propertyNames()).contains("mch_order_no", "amount", "pay_way", "subject",
                "notify_url", "expire_seconds", "client_ip", "channel_extra", "metadata");
        assertThat(create.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("mch_order_no", "amount", "pay_way", "subject");
        assertThat(create.path("properties").path("amount").path("maximum").asLong()).isEqualTo(100_000_000L);
        assertThat(schemas.path("PayOrder").path("properties").propertyNames()).contains("pay_order_id",
                "mch_order_no", "pay_data_type", "refunded_amount", "created_at", "paid_at");
        assertThat(schemas.path("Refund").path("properties").propertyNames()).contains("refund_id", "mch_refund_no",
                "succeeded_at");
        assertThat(schemas.path("CreateRefundRequest").path("properties").propertyNames()).contains("pay_order_id",
                "mch_refund_no");
        assertThat(schemas.path("Problem").path("properties").propertyNames()).contains("code", "param", "request_id",
                "order");
        schemas.properties().forEach(schema -> assertThat(schema.getValue().path("properties").propertyNames())
                .as(schema.getKey()).noneMatch(p -> CAMEL.matcher(p).find()));
    }

    @Test
    void create_tells_new_repeated_and_conflicting_requests_apart_and_errors_are_problem_documents() throws Exception {
        JsonNode doc = document();
        JsonNode create = doc.path("paths").path("/api/v1/pay/orders").path("post");

        assertThat(create.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asString()).isEqualTo("#/components/schemas/CreatePayOrderRequest");
        JsonNode responses = create.path("responses");
        assertThat(responses.propertyNames()).contains("200", "201", "400", "409", "413", "503");
        for (String status : List.of("200", "201")) {
            assertThat(responses.path(status).path("content").path("application/json").path("schema").path("$ref")
                    .asString()).as(status).isEqualTo("#/components/schemas/PayOrder");
        }
        assertThat(List.copyOf(responses.propertyNames())).as("sorted by status").isSorted();
        assertThat(responses.path("409").path("description").asString()).contains("MCH_ORDER_NO_CONFLICT");
        forEachOperation(doc, (name, op) -> op.path("responses").properties().forEach(response -> {
            if (response.getKey().charAt(0) >= '4') {
                assertThat(response.getValue().path("content").propertyNames()).as(name + " " + response.getKey())
                        .containsExactly("application/problem+json");
                assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                        .path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
            }
        }));
        JsonNode statement = doc.path("paths").path("/api/v1/statements/{date}").path("get");
        assertThat(statement.path("responses").path("200").path("content").propertyNames()).containsExactly("text/csv");
    }

    @Test
    void only_the_gateway_may_fetch_it_like_the_rest_of_the_api() throws Exception {
        MvcResult noToken = mvc.perform(get(DOC).with(request -> {
            request.removeHeader(ServiceTokens.HEADER);
            return request;
        })).andReturn();
        MvcResult fromRouter = mvc.perform(get(DOC).with(asService("channel-router-service", "order-service")))
                .andReturn();

        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
        assertThat(fromRouter.getResponse().getStatus()).isEqualTo(403);
    }

    private JsonNode document() throws Exception {
        MvcResult r = mvc.perform(get(DOC)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(r.getResponse().getContentAsString());
    }

    private static List<String> operations(JsonNode doc) {
        List<String> operations = new ArrayList<>();
        forEachOperation(doc, (name, op) -> operations.add(name + " " + op.path("operationId").asString()));
        return operations;
    }

    private static void forEachOperation(JsonNode doc, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            path.getValue().properties().forEach(op -> action.accept(op.getKey().toUpperCase(Locale.ROOT) + " "
                    + path.getKey(), op.getValue()));
        }
    }
}
