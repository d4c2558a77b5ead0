package com.aggpay.simulator.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The UnionPay merchant of the simulator's tests, written in plain JDK code (not the simulator's): its key files
 * (made by deploy/local/gen-keys.sh), its 全渠道 request signature, the check of UnionPay's answer signature, and a form
 * post whose raw {@code k=v&…} answer is read back (braces kept whole).
 */
public final class UpTestMerchant {

    public static final String MER = "777290058110001";

    private final Path keys;
    private final HttpClient http = HttpClient.newHttpClient();

    private UpTestMerchant(Path keys) {
        this.keys = keys;
    }

    /** A merchant with freshly generated key files; {@link #keysDir()} is the simulator's {@code sim.keys-dir}. */
    public static UpTestMerchant withNewKeys(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Process p = new ProcessBuilder("bash", Path.of("../deploy/local/gen-keys.sh").toAbsolutePath().toString(),
                    dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("gen-keys.sh failed: " + out);
            }
            return new UpTestMerchant(dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path keysDir() {
        return keys;
    }

    /** One of the merchant's key files (cert ids, PEMs), trimmed. */
    public String read(String name) {
        try {
            return Files.readString(keys.resolve("unionpay").resolve(MER).resolve(name)).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields with {@code signature}: SHA256withRSA over the SHA-256 hex of the sorted {@code k=v&…}. */
    public Map<String, String> signed(Map<String, String> fields) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                der(read("merchant_private.pem")))));
        rsa.update(hex(content(fields)).getBytes(StandardCharsets.UTF_8));
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("signature", Base64.getEncoder().encodeToString(rsa.sign()));
        return signed;
    }

    /** Whether an answer carries UnionPay's certId and a signature by UnionPay's key. */
    public boolean verifiesWithUnionPayKey(Map<String, String> answer) throws Exception {
        if (!read("unionpay_cert_id.txt").equals(answer.get("certId"))) {
            return false;
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(read("unionpay_public.pem")));
        rsa.update(hex(content(answer)).getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(answer.get("signature")));
    }

    /** A URL-encoded form post; the answer must be 200 and is read as raw {@code k=v&…}. */
    public Map<String, String> post(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    /** Raw k=v&…, braces kept whole: a reader written for these tests. */
    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '&';
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == '&' && depth == 0) {
                String pair = text.substring(start, i);
                int eq = pair.indexOf('=');
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                start = i + 1;
            }
        }
        return fields;
    }

    public static PublicKey publicKey(String pem) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String content(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
