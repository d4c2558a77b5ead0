package com.aggpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator over real HTTP: WeChat v3 requests signed here with plain JDK code (not the simulator's), hooks,
 * fault modes and the notification round trip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sim.notify.retry-delays=200ms,200ms", "sim.hold-timeout=10s"})
class SimulatorApiTest {

    private static final String MCH = "1900000001";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Path KEYS = generateKeys();
    private static final BlockingQueue<Map.Entry<Map<String, String>, String>> NOTIFICATIONS = new LinkedBlockingQueue<>();
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
        send(HttpRequest.newBuilder(uri("/_sim/faults")).DELETE());
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void native_prepay_is_signed_idempotent_and_paid_with_an_encrypted_notification() throws Exception {
        String no = "SIM" + System.nanoTime();
        String body = prepayBody(no, 1234);
        HttpResponse<String> first = wx("POST", "/v3/pay/transactions/native", body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("{\"code_url\":\"weixin://wxpay/bizpayurl?pr=wx");
        assertResponseSigned(first);
        assertThat(wx("POST", "/v3/pay/transactions/native", body).body()).isEqualTo(first.body());
        HttpResponse<String> changed = wx("POST", "/v3/pay/transactions/native", prepayBody(no, 999));
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(changed.body()).contains("INVALID_REQUEST");

        String codeUrl = JSON.readTree(first.body()).path("code_url").asString();
        HttpResponse<String> paid = post("/_sim/pay", "{\"pay_data\":\"" + codeUrl + "\"}");
        assertThat(paid.statusCode()).isEqualTo(200);
        var notification = NOTIFICATIONS.poll(10, TimeUnit.SECONDS);
        assertThat(notification).isNotNull();
        assertSigned(notification.getKey(), notification.getValue());
        JsonNode resource = JSON.readTree(notification.getValue()).path("resource");
        JsonNode transaction = JSON.readTree(decrypt(resource));
        assertThat(transaction.path("out_trade_no").asString()).isEqualTo(no);
        assertThat(transaction.path("trade_state").asString()).isEqualTo("SUCCESS");
        assertThat(transaction.path("amount").path("total").asLong()).isEqualTo(1234);
        assertThat(transaction.path("transaction_id").asString()).hasSize(28).startsWith("4200");

        HttpResponse<String> query = wx("GET", "/v3/pay/transactions/out-trade-no/" + no + "?mchid=" + MCH, "");
        assertThat(query.body()).contains("\"trade_state\":\"SUCCESS\"");
        assertThat(wx("POST", "/v3/pay/transactions/native", body).body()).contains("ORDERPAID");
        assertThat(wx("POST", "/v3/pay/transactions/out-trade-no/" + no + "/close", "{\"mchid\":\"" + MCH + "\"}")
                .body()).contains("ORDERPAID");
        assertThat(post("/_sim/pay", "{\"pay_data\":\"" + codeUrl + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void bad_signatures_and_bad_parameters_are_refused() throws Exception {
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(uri("/v3/pay/transactions/native"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("SIGN_ERROR");
        HttpResponse<String> noOpenid = wx("POST", "/v3/pay/transactions/jsapi", prepayBody("SIM" + System.nanoTime(), 1));
        assertThat(noOpenid.statusCode()).isEqualTo(400);
        assertThat(noOpenid.body()).contains("PARAM_ERROR");
        HttpResponse<String> ali = post("/gateway.do?method=alipay.trade.precreate&app_id=2021000000000001&sign=AAAA"
                + "&sign_type=RSA2", "");
        assertThat(ali.body()).contains("\"code\":\"40002\"").contains("isv.invalid-signature");
    }

    @Test
    void fault_modes_apply_per_account() throws Exception {
        fault("DOWN", 0);
        String down = "SIM" + System.nanoTime();
        assertThat(wx("POST", "/v3/pay/transactions/native", prepayBody(down, 1)).statusCode()).isEqualTo(503);
        assertThat(trades()).doesNotContain(down);
        clearFaults();

        fault("ERROR_5XX", 0);
        String error = "SIM" + System.nanoTime();
        assertThat(wx("POST", "/v3/pay/transactions/native", prepayBody(error, 1)).statusCode()).isEqualTo(500);
        assertThat(trades()).contains(error);
        clearFaults();

        fault("SLOW", 400);
        long started = System.nanoTime();
        assertThat(wx("POST", "/v3/pay/transactions/native", prepayBody("SIM" + System.nanoTime(), 1)).statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        clearFaults();

        fault("TIMEOUT_AFTER_ACCEPT", 0);
        String held = "SIM" + System.nanoTime();
        assertThatThrownBy(() -> wx("POST", "/v3/pay/transactions/native", prepayBody(held, 1)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(trades()).contains(held);
        assertThat(wx("GET", "/v3/pay/transactions/out-trade-no/" + held + "?mchid=" + MCH, "").body())
                .contains("NOTPAY");
    }

    @Test
    void hooks_inject_list_and_refuse_unknown_payments() throws Exception {
        String no = "INJ" + System.nanoTime();
        HttpResponse<String> injected = post("/_sim/trades/inject",
                "{\"account\":\"2021000000000002\",\"out_trade_no\":\"" + no + "\",\"amount\":100}");
        assertThat(injected.statusCode()).isEqualTo(201);
        assertThat(send(HttpRequest.newBuilder(uri("/_sim/trades?account=2021000000000002")).GET()).body())
                .contains("\"out_trade_no\":\"" + no + "\"").contains("\"state\":\"PAID\"");
        assertThat(post("/_sim/trades/inject", "{\"account\":\"2021000000000002\",\"out_trade_no\":\"" + no
                + "\",\"amount\":100}").statusCode()).isEqualTo(409);
        assertThat(post("/_sim/pay", "{\"pay_data\":\"weixin://wxpay/bizpayurl?pr=nothing-here\"}").statusCode())
                .isEqualTo(409);
        assertThat(post("/_sim/faults", "{\"account\":\"x\",\"mode\":\"NOPE\"}").statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void fault(String mode, long latency) throws Exception {
        assertThat(post("/_sim/faults", "{\"account\":\"" + MCH + "\",\"mode\":\"" + mode + "\",\"rate\":1.0,"
                + "\"latency_ms\":" + latency + "}").statusCode()).isEqualTo(200);
    }

    private String trades() throws Exception {
        return send(HttpRequest.newBuilder(uri("/_sim/trades?account=" + MCH)).GET()).body();
    }

    private String prepayBody(String outTradeNo, long total) {
        return "{\"appid\":\"wx0000000000000001\",\"mchid\":\"" + MCH + "\",\"description\":\"Latte\",\"out_trade_no\":\""
                + outTradeNo + "\",\"notify_url\":\"http://127.0.0.1:" + RECEIVER.getAddress().getPort()
                + "/notify\",\"amount\":{\"total\":" + total + ",\"currency\":\"CNY\"}}";
    }

    /** A WeChat v3 call signed as the merchant, with JDK code only. */
    private HttpResponse<String> wx(String method, String pathAndQuery, String body) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = "N" + SEQ.incrementAndGet() + "X" + System.nanoTime();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey(KEYS.resolve("wxpay/" + MCH + "/merchant_private.pem")));
        signer.update((method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8));
        String auth = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + MCH + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + ts
                + "\",serial_no=\"ABC\",signature=\"" + Base64.getEncoder().encodeToString(signer.sign()) + "\"";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(2));
        request = "GET".equals(method) ? request.GET() : request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertResponseSigned(HttpResponse<String> response) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        assertSigned(headers, response.body());
    }

    private static void assertSigned(Map<String, String> headers, String body) throws Exception {
        assertThat(headers.get("wechatpay-serial"))
                .isEqualTo(Files.readString(KEYS.resolve("wxpay/" + MCH + "/wechatpay_public_key_id.txt")).trim());
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey(KEYS.resolve("wxpay/" + MCH + "/wechatpay_public.pem")));
        verifier.update((headers.get("wechatpay-timestamp") + "\n" + headers.get("wechatpay-nonce") + "\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(headers.get("wechatpay-signature")))).isTrue();
    }

    private static String decrypt(JsonNode resource) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Files.readString(KEYS.resolve("wxpay/" + MCH + "/apiv3_key.txt"))
                .trim().getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, resource.path("nonce").asString().getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(resource.path("associated_data").asString().getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(Base64.getDecoder().decode(resource.path("ciphertext").asString())),
                StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    private static byte[] der(Path pem) throws Exception {
        return Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    }

    private static Path generateKeys() {
        try {
            Path dir = Files.createTempDirectory("sim-test-keys");
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
            server.createContext("/notify", exchange -> {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                NOTIFICATIONS.add(Map.entry(headers, new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
