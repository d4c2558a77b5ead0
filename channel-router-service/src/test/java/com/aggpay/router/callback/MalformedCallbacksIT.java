package com.aggpay.router.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.aggpay.router.DemoChannelsITSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever arrives at the public callback paths (garbage, repeated or badly escaped parameters, wrong or missing
 * content types, empty or oversized bodies, unknown channels), the answer is the channel's own failure answer or a
 * 4xx problem with a stable code, never a 500; order-service never hears of it; a security WARN says what happened.
 * The demo channels: wxpay-a (WeChat Pay v3), wxpay-v2, alipay-a, unionpay-a.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedCallbacksIT extends DemoChannelsITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECURITY_EVENT = Pattern.compile("(?m)WARN .*aggpay\\.security\\s*: event=[A-Z_]+");
    private static final byte[] GARBAGE = {0, (byte) 0xff, (byte) 0xfe, '<', '%', '&', '=', '{', '"', 0x7f, '\n'};
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    /** The four channel types, each with its own failure answer. */
    enum Channel {
        WXPAY_V3("wxpay-a", "application/json"),
        WXPAY_V2("wxpay-v2", "text/xml"),
        ALIPAY("alipay-a", FORM),
        UNIONPAY("unionpay-a", FORM);

        final String name;
        final String contentType;

        Channel(String name, String contentType) {
            this.name = name;
            this.contentType = contentType;
        }
    }

    private CapturedOutput output;

    @BeforeEach
    void capture(CapturedOutput output) {
        this.output = output;
    }

    @Test
    void garbage_empty_and_mistyped_bodies_get_each_channels_failure_answer_on_both_paths() throws Exception {
        for (Channel channel : Channel.values()) {
            for (String path : paths(channel)) {
                refusedByChannel(channel, post(path).contentType(channel.contentType).content(GARBAGE));
                refusedByChannel(channel, post(path).contentType(channel.contentType).content(new byte[0]));
                refusedByChannel(channel, post(path).content("garbage".getBytes(StandardCharsets.UTF_8)));
                refusedByChannel(channel, post(path).contentType("application/octet-stream").content(GARBAGE));
                refusedByChannel(channel, post(path).header("Content-Type", "no/such;;type===").content(GARBAGE));
                refusedByChannel(channel, post(path).contentType("multipart/form-data; boundary=x").content(GARBAGE));
                refusedByChannel(channel, post(path).contentType(channel.contentType).header("Accept", ";;nonsense")
                        .content(GARBAGE));
            }
        }
        verifyNoInteractions(orders);
    }

    @Test
    void repeated_parameters_and_bad_percent_escapes_get_the_form_channels_failure_answer() throws Exception {
        List<String> forms = List.of(
                "app_id=2021000000000001&app_id=2021000000000001&out_trade_no=t1&total_amount=1.00&sign=x",
                "out_biz_no=r1&refund_fee=1.00&out_biz_no=r2&app_id=2021000000000001",
                "out_trade_no=%zz&total_amount=1.00",
                "out_trade_no=t1&total_amount=%",
                "%E4%B8=1&sign=%",
                "=&&==&",
                "merId=777290058110001&merId=777290058110002&orderId=o1&txnAmt=1&signature=x");
        for (Channel channel : List.of(Channel.ALIPAY, Channel.UNIONPAY)) {
            for (String path : paths(channel)) {
                for (String form : forms) {
                    refusedByChannel(channel, post(path).contentType(FORM).content(form));
                }
            }
        }
        verifyNoInteractions(orders);
    }

    @Test
    void malformed_xml_and_json_get_the_wechat_failure_answers() throws Exception {
        List<String> xml = List.of("<xml><return_code>SUCCESS</return_code>", "<xml><a>1</a><a>2</a></xml>",
                "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><sign>&e;</sign></xml>", "[]");
        for (String path : paths(Channel.WXPAY_V2)) {
            for (String body : xml) {
                refusedByChannel(Channel.WXPAY_V2, post(path).contentType("text/xml").content(body));
            }
        }
        List<String> json = List.of("{\"id\":", "[]", "null", "{\"resource\":{\"ciphertext\":7}}", "\"x\"");
        for (String path : paths(Channel.WXPAY_V3)) {
            for (String body : json) {
                refusedByChannel(Channel.WXPAY_V3, post(path).contentType("application/json").content(body)
                        .header("Wechatpay-Timestamp", "not-a-number").header("Wechatpay-Signature", "%%%"));
            }
        }
        verifyNoInteractions(orders);
    }

    @Test
    void an_unknown_channel_is_a_404_problem_on_both_paths() throws Exception {
        for (String path : List.of("/api/v1/channel-notify/no-such-channel", "/api/v1/channel-notify/no-such/refund",
                "/api/v1/channel-notify/%E4%B8%AD")) {
            int mark = output.getOut().length();
            MockHttpServletResponse answer = mvc.perform(post(path).contentType(FORM).content("a=1"))
                    .andReturn().getResponse();

            assertProblem(answer.getStatus(), answer.getContentType(), answer.getContentAsString(), 404,
                    "CHANNEL_UNKNOWN");
            assertThat(output.getOut().substring(mark)).containsPattern(SECURITY_EVENT);
        }
        verifyNoInteractions(orders);
    }

    @Test
    void a_body_declared_over_64_kb_is_refused_with_413_before_it_is_read() throws Exception {
        for (Channel channel : Channel.values()) {
            for (String path : paths(channel)) {
                int mark = output.getOut().length();
                MockHttpServletResponse answer = mvc.perform(post(path).contentType(channel.contentType)
                        .content(new byte[64 * 1024 + 1])).andReturn().getResponse();

                assertProblem(answer.getStatus(), answer.getContentType(), answer.getContentAsString(), 413,
                        "BODY_TOO_LARGE");
                assertThat(output.getOut().substring(mark)).contains("event=CALLBACK_BODY_TOO_LARGE");
            }
        }
        verifyNoInteractions(orders);
    }

    @Test
    void exactly_64_kb_is_still_read_and_refused_by_the_channel_not_by_size() throws Exception {
        refusedByChannel(Channel.ALIPAY, post("/api/v1/channel-notify/alipay-a").contentType(FORM)
                .content("a=" + "x".repeat(64 * 1024 - 2)));
    }

    @Test
    void over_real_http_a_chunked_body_is_counted_while_read_and_a_5_mb_body_is_refused_by_its_length() throws Exception {
        byte[] big = new byte[200 * 1024];
        HttpResponse<String> chunked = overHttp(HttpRequest.newBuilder()
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))),
                "/api/v1/channel-notify/alipay-a");
        assertProblem(chunked.statusCode(), chunked.headers().firstValue("Content-Type").orElse(""), chunked.body(),
                413, "BODY_TOO_LARGE");

        HttpResponse<String> declared = overHttp(HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5 * 1024 * 1024])),
                "/api/v1/channel-notify/wxpay-a");
        assertProblem(declared.statusCode(), declared.headers().firstValue("Content-Type").orElse(""),
                declared.body(), 413, "BODY_TOO_LARGE");
        verifyNoInteractions(orders);
    }

    @Test
    void over_real_http_repeated_and_badly_escaped_alipay_forms_and_a_garbage_multipart_get_fail() throws Exception {
        for (String[] call : new String[][] {
                {FORM, "out_trade_no=t1&out_trade_no=t2&total_amount=1.00&app_id=2021000000000001"},
                {FORM, "out_trade_no=%zz&total_amount=%"},
                {"multipart/form-data; boundary=zzz", "--zzz\r\nnonsense"},
                {"", ""}}) {
            HttpRequest.Builder request = HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(call[1]));
            if (!call[0].isEmpty()) {
                request.header("Content-Type", call[0]);
            }
            HttpResponse<String> answer = overHttp(request, "/api/v1/channel-notify/alipay-a");

            assertThat(answer.statusCode()).as(call[1]).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("fail");
        }
        verifyNoInteractions(orders);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> paths(Channel channel) {
        List<String> paths = new ArrayList<>();
        paths.add("/api/v1/channel-notify/" + channel.name);
        paths.add("/api/v1/channel-notify/" + channel.name + "/refund");
        return paths;
    }

    /** A 400 carrying the channel's own failure answer, and a security event logged for it. */
    private void refusedByChannel(Channel channel, MockHttpServletRequestBuilder request) throws Exception {
        int mark = output.getOut().length();
        MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        String what = channel + " " + answer.getStatus() + " " + body;

        assertThat(answer.getStatus()).as(what).isEqualTo(400);
        switch (channel) {
            case WXPAY_V3 -> assertThat(JSON.readTree(body).get("code").asString()).as(what).isEqualTo("FAIL");
            case WXPAY_V2 -> assertThat(body).as(what).startsWith("<xml>").contains("<return_code><![CDATA[FAIL]]>");
            case ALIPAY, UNIONPAY -> assertThat(body).as(what).isEqualTo("fail");
        }
        assertThat(output.getOut().substring(mark)).as(what).containsPattern(SECURITY_EVENT);
    }

    private static void assertProblem(int status, String contentType, String body, int expectedStatus, String code) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
    }
}
