package com.aggpay.simulator.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The v2 endpoints over real HTTP, with requests signed and answers checked by plain JDK code written here (not
 * the simulator's), so one misunderstanding of the sign rules cannot pass on both sides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sim.notify.retry-delays=200ms,200ms,200ms", "sim.hold-timeout=10s"})
class WxV2ApiTest {

    private static final String MCH = "1900000003";
    private static final String APPID = "wx0000000000000003";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Path KEYS = generateKeys();
    private static final BlockingQueue<String> NOTIFICATIONS = new LinkedBlockingQueue<>();
    /** The receiver answers plain "success" this many times first: WeChat v2 wants XML, so it must retry. */
    private static final AtomicInteger WRONG_ANSWERS = new AtomicInteger();
    private static final HttpServer RECEIVER = receiver();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("sim.keys-dir", KEYS::toString);
    }

    @AfterEach
    void clearFaults() throws Exception {
        http.send(HttpRequest.newBuilder(uri("/_sim/faults")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void unifiedorder_is_signed_idempotent_and_its_payment_notified_until_answered_in_xml() throws Exception {
        String no = "V2" + System.nanoTime();
        Map<String, String> order = order(no, "1234");
        Map<String, String> first = call("/pay/unifiedorder", order);
        assertThat(first).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                .containsEntry("mch_id", MCH).containsKey("code_url");
        assertSigned(first, "HMAC-SHA256");
        assertThat(call("/pay/unifiedorder", order).get("prepay_id")).isEqualTo(first.get("prepay_id"));
        assertThat(call("/pay/unifiedorder", order(no, "999"))).containsEntry("err_code", "OUT_TRADE_NO_USED");

        WRONG_ANSWERS.set(1);
        assertThat(post("/_sim/pay", "{\"pay_data\":\"" + first.get("code_url") + "\"}").statusCode()).isEqualTo(200);
        Map<String, String> notified = xmlFields(NOTIFICATIONS.poll(10, TimeUnit.SECONDS));
        Map<String, String> again = xmlFields(NOTIFICATIONS.poll(10, TimeUnit.SECONDS));
        assertThat(again).as("retried after a non-XML answer").containsEntry("out_trade_no", no);
        assertThat(notified).containsEntry("out_trade_no", no).containsEntry("total_fee", "1234")
                .containsEntry("result_code", "SUCCESS").containsEntry("sign_type", "HMAC-SHA256");
        assertSigned(notified, "HMAC-SHA256");
        assertThat(NOTIFICATIONS.poll(1, TimeUnit.SECONDS)).as("accepted: no third delivery").isNull();

        assertThat(call("/pay/orderquery", Map.of("out_trade_no", no))).containsEntry("trade_state", "SUCCESS");
        assertThat(call("/pay/unifiedorder", order)).containsEntry("err_code", "ORDERPAID");
        assertThat(call("/pay/closeorder", Map.of("out_trade_no", no))).containsEntry("err_code", "ORDERPAID");
    }

    @Test
    void bad_signs_unknown_merchants_and_missing_fields_are_refused_as_wechat_does() throws Exception {
        Map<String, String> order = order("V2" + System.nanoTime(), "1");
        Map<String, String> tampered = new LinkedHashMap<>(signed(order));
        tampered.put("total_fee", "2");
        assertThat(xmlFields(raw("/pay/unifiedorder", xml(tampered)).body()))
                .containsEntry("return_code", "FAIL").containsEntry("return_msg", "签名错误");
        Map<String, String> stranger = new LinkedHashMap<>(order);
        stranger.put("mch_id", "1900009999");
        assertThat(xmlFields(raw("/pay/unifiedorder", xml(signed(stranger))).body())).containsEntry("return_code", "FAIL");
        Map<String, String> noBody = new LinkedHashMap<>(order);
        noBody.remove("body");
        assertThat(call("/pay/unifiedorder", noBody)).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "PARAM_ERROR");
        assertThat(xmlFields(raw("/pay/unifiedorder", "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><body>&e;</body></xml>").body())).containsEntry("return_code", "FAIL");
    }

    @Test
    void a_refund_is_notified_with_req_info_encrypted_under_the_md5_of_the_api_key_and_billed() throws Exception {
        String no = "V2" + System.nanoTime();
        Map<String, String> created = call("/pay/unifiedorder", order(no, "1000"));
        post("/_sim/pay", "{\"pay_data\":\"" + created.get("code_url") + "\"}");
        NOTIFICATIONS.poll(10, TimeUnit.SECONDS);
        Map<String, String> refund = new LinkedHashMap<>();
        refund.put("out_trade_no", no);
        refund.put("out_refund_no", "R" + no);
        refund.put("total_fee", "1000");
        refund.put("refund_fee", "300");
        refund.put("notify_url", "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/refund");
        assertThat(call("/secapi/pay/refund", refund)).containsEntry("result_code", "SUCCESS")
                .containsEntry("refund_fee", "300");
        Map<String, String> notice = xmlFields(NOTIFICATIONS.poll(10, TimeUnit.SECONDS));
        Map<String, String> info = xmlFields(decrypt(notice.get("req_info")));
        assertThat(info).containsEntry("out_refund_no", "R" + no).containsEntry("refund_status", "SUCCESS")
                .containsEntry("refund_fee", "300");
        assertThat(call("/pay/refundquery", Map.of("out_refund_no", "R" + no)))
                .containsEntry("refund_status_0", "SUCCESS").containsEntry("refund_count", "1");
        refund.put("refund_fee", "800");
        refund.put("out_refund_no", "R2" + no);
        assertThat(call("/secapi/pay/refund", refund)).containsEntry("err_code", "NOTENOUGH");

        Map<String, String> bill = new LinkedHashMap<>();
        bill.put("bill_date", LocalDate.now(ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        bill.put("bill_type", "ALL");
        String text = raw("/pay/downloadbill", xml(signed(withHead(bill)))).body();
        assertThat(text).startsWith("交易时间,").contains("`" + no + ",").contains("`R" + no + ",")
                .contains("总交易单数,");
    }

    @Test
    void faults_apply_to_v2_calls() throws Exception {
        fault("DOWN");
        String down = "V2" + System.nanoTime();
        assertThat(raw("/pay/unifiedorder", xml(signed(withHead(order(down, "1"))))).statusCode()).isEqualTo(503);
        clearFaults();
        fault("ERROR_5XX");
        String failed = "V2" + System.nanoTime();
        assertThat(raw("/pay/unifiedorder", xml(signed(withHead(order(failed, "1"))))).statusCode()).isEqualTo(500);
        clearFaults();
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", down))).containsEntry("err_code", "ORDERNOTEXIST");
        assertThat(call("/pay/orderquery", Map.of("out_trade_no", failed))).containsEntry("trade_state", "NOTPAY");
        fault("BAD_SIGNATURE");
        Map<String, String> badlySigned = xmlFields(raw("/pay/orderquery",
                xml(signed(withHead(Map.of("out_trade_no", failed))))).body());
        assertThat(badlySigned).containsEntry("return_code", "SUCCESS");
        assertThat(badlySigned.get("sign")).isNotEqualTo(sign(badlySigned, "HMAC-SHA256"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private Map<String, String> order(String outTradeNo, String totalFee) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("body", "Latte");
        f.put("out_trade_no", outTradeNo);
        f.put("total_fee", totalFee);
        f.put("spbill_create_ip", "127.0.0.1");
        f.put("notify_url", "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/notify");
        f.put("trade_type", "NATIVE");
        f.put("product_id", outTradeNo);
        return withHead(f);
    }

    private static Map<String, String> withHead(Map<String, String> business) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("appid", APPID);
        f.put("mch_id", MCH);
        f.put("sign_type", "HMAC-SHA256");
        f.putAll(business);
        return f;
    }

    private Map<String, String> call(String path, Map<String, String> fields) throws Exception {
        Map<String, String> full = fields.containsKey("mch_id") ? fields : withHead(fields);
        return xmlFields(raw(path, xml(signed(full))).body());
    }

    private static Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("nonce_str", "N" + SEQ.incrementAndGet());
        f.put("sign", sign(f, "HMAC-SHA256"));
        return f;
    }

    /** HMAC-SHA256 (or MD5) over the sorted non-empty fields plus the key, with the JDK only. */
    private static String sign(Map<String, String> fields, String signType) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> {
            if (!k.equals("sign") && !v.isEmpty()) {
                s.append(k).append('=').append(v).append('&');
            }
        });
        s.append("key=").append(apiKey());
        try {
            byte[] digest;
            if ("MD5".equals(signType)) {
                digest = MessageDigest.getInstance("MD5").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(apiKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(s.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSigned(Map<String, String> fields, String signType) {
        assertThat(fields.get("sign")).isEqualTo(sign(fields, signType));
    }

    private static String decrypt(String reqInfo) throws Exception {
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(apiKey().getBytes(StandardCharsets.UTF_8)));
        Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"));
        return new String(cipher.doFinal(Base64.getDecoder().decode(reqInfo)), StandardCharsets.UTF_8);
    }

    /** Flat XML fields by regex: deliberately not the simulator's parser. */
    private static Map<String, String> xmlFields(String xml) {
        assertThat(xml).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<(\\w+)>(?:<!\\[CDATA\\[(.*?)]]>|([^<]*))</\\1>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            fields.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return fields;
    }

    private static String xml(Map<String, String> fields) {
        StringBuilder s = new StringBuilder("<xml>");
        fields.forEach((k, v) -> s.append('<').append(k).append("><![CDATA[").append(v).append("]]></").append(k).append('>'));
        return s.append("</xml>").toString();
    }

    private void fault(String mode) throws Exception {
        assertThat(post("/_sim/faults", "{\"account\":\"" + MCH + "\",\"mode\":\"" + mode + "\",\"rate\":1.0}")
                .statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> raw(String path, String xml) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/xml")
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String apiKey() {
        try {
            return Files.readString(KEYS.resolve("wxpay2/" + MCH + "/api_key.txt")).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path generateKeys() {
        try {
            Path dir = Files.createTempDirectory("sim-v2-keys");
            Process p = new ProcessBuilder("bash", Path.of("../deploy/local/gen-keys.sh").toAbsolutePath().toString(),
                    dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("gen-keys.sh failed: " + out);
            }
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                NOTIFICATIONS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = (WRONG_ANSWERS.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "success"
                        : "<xml><return_code><![CDATA[SUCCESS]]></return_code></xml>").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
