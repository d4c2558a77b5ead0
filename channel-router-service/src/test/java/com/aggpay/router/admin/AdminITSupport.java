package com.aggpay.router.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.aggpay.router.orphan.OrphanCloser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API against the real MariaDB ({@code aggpaytest_router}), shared with other engineers' ITs: every
 * test makes its own channels and merchants under random names and leaves the demo data alone. The orphan closer is
 * replaced so this context never works on another test run's orphans.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
abstract class AdminITSupport {

    static final String OPERATOR = "ops-test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Credential values a test sends and then looks for everywhere they must not appear. */
    static final String PRIVATE_KEY_MARKER = "-----BEGIN PRIVATE KEY-----SECRET-MARKER-7f3a";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoBean
    OrphanCloser orphanCloser;

    /** An ALIPAY channel created through the API, disabled, with a test-only key pair. */
    String anAlipayChannel() throws Exception {
        String name = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse created = call(HttpMethod.POST, "/api/admin/channels", Map.of(
                "name", name, "type", "ALIPAY", "account_id", "2021009999999999",
                "api_base_url", "https://openapi.alipay.com", "fee_rate_ppm", 3800,
                "pay_ways", java.util.List.of("ALI_QR", "ALI_WAP"),
                "credentials", Map.of("app_private_key", PRIVATE_KEY_MARKER, "alipay_public_key", "ALIPAY-PUBLIC-KEY")));
        if (created.getStatus() != 201) {
            throw new AssertionError("channel not created: " + created.getContentAsString());
        }
        return name;
    }

    static String aMerchant() {
        return "MADM" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    MockHttpServletResponse call(HttpMethod method, String path, Object body) throws Exception {
        return perform(request(method, path).header("X-Aggpay-Operator", OPERATOR), body);
    }

    MockHttpServletResponse callWithoutOperator(HttpMethod method, String path, Object body) throws Exception {
        return perform(request(method, path), body);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Object body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String text ? text : JSON.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }

    /** A problem+json answer with the router's members; returns it for further checks. */
    static JsonNode problem(MockHttpServletResponse response, int status, String code) throws Exception {
        if (response.getStatus() != status) {
            throw new AssertionError("expected " + status + " " + code + " but got " + response.getStatus() + ": "
                    + response.getContentAsString());
        }
        org.assertj.core.api.Assertions.assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        org.assertj.core.api.Assertions.assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }
}
