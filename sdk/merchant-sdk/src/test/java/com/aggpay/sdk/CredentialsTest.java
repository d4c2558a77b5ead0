package com.aggpay.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final String SECRET = "demo-app-secret-0123456789abcdef";
    private static final String BODY = "{\"mch_order_no\":\"A1\",\"amount\":1234,\"pay_way\":\"WX_NATIVE\","
            + "\"subject\":\"拿铁\"}";

    @Test
    void an_hmac_request_signature_matches_a_vector_computed_with_openssl() {
        // printf 'GET\n/api/v1/pay/orders?mch_order_no=A1\n1764130000\n8f1c2a9d0b7e4f36\n\n'
        //   | openssl dgst -sha256 -hmac demo-app-secret-0123456789abcdef -binary | base64
        SignedRequest signed = Credentials.hmac("demo-app", SECRET)
                .sign("GET", "/api/v1/pay/orders?mch_order_no=A1", new byte[0], 1764130000L, "8f1c2a9d0b7e4f36");

        assertThat(signed.authorization()).isEqualTo("AGGPAY-HMAC-SHA256 app_id=\"demo-app\",timestamp=\"1764130000\","
                + "nonce=\"8f1c2a9d0b7e4f36\",signature=\"+/oByzt2oavHuQae7Q7iVmfViIR48I/j+Qh9I51L8QU=\"");
    }

    @Test
    void an_hmac_request_signature_covers_method_path_timestamp_nonce_and_the_exact_body_bytes() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = Credentials.hmac("demo-app", SECRET)
                .sign("POST", "/api/v1/pay/orders", body, 1764130000L, "0123456789abcdef");

        String expected = Crypto.hmacBase64(SECRET, "POST\n/api/v1/pay/orders\n1764130000\n0123456789abcdef\n"
                + BODY + "\n");
        assertThat(signed.authorization()).endsWith("signature=\"" + expected + "\"");
        assertThat(signed.body()).isEqualTo(body);
        assertThat(signed.timestamp()).isEqualTo("1764130000");
    }

    @Test
    void an_rsa_request_signature_verifies_with_the_merchants_public_key() throws Exception {
        KeyPair merchant = Crypto.rsaKeyPair();
        KeyPair platform = Crypto.rsaKeyPair();
        SignedRequest signed = Credentials.rsa("rsa-app", merchant.getPrivate(), platform.getPublic())
                .sign("POST", "/api/v1/refunds", BODY.getBytes(StandardCharsets.UTF_8), 1764130000L, "aa55");

        String signature = signed.authorization().replaceAll(".*signature=\"([^\"]+)\".*", "$1");
        assertThat(signed.authorization()).startsWith("AGGPAY-SHA256-RSA2048 app_id=\"rsa-app\",timestamp=\"1764130000\","
                + "nonce=\"aa55\",signature=\"");
        assertThat(Crypto.rsaVerifies(merchant.getPublic(),
                "POST\n/api/v1/refunds\n1764130000\naa55\n" + BODY + "\n", signature)).isTrue();
    }

    @Test
    void an_hmac_answer_is_valid_only_for_its_exact_body_and_the_apps_secret() throws Exception {
        String signature = Crypto.hmacBase64(SECRET, "1764130001\nfeed\n{\"state\":\"SUCCESS\"}\n");
        HttpHeaders headers = answerHeaders("1764130001", "feed", signature);

        assertThat(AnswerSignature.isValid(Credentials.hmac("demo-app", SECRET), headers,
                bytes("{\"state\":\"SUCCESS\"}"))).isTrue();
        assertThat(AnswerSignature.isValid(Credentials.hmac("demo-app", SECRET), headers,
                bytes("{\"state\":\"PAYING\"}"))).isFalse();
        assertThat(AnswerSignature.isValid(Credentials.hmac("demo-app", "another-secret"), headers,
                bytes("{\"state\":\"SUCCESS\"}"))).isFalse();
    }

    @Test
    void an_rsa_apps_answer_must_carry_the_platforms_signature_not_the_merchants() throws Exception {
        KeyPair merchant = Crypto.rsaKeyPair();
        KeyPair platform = Crypto.rsaKeyPair();
        Credentials credentials = Credentials.rsa("rsa-app", merchant.getPrivate(), platform.getPublic());
        String message = "1764130001\nfeed\n{}\n";

        assertThat(AnswerSignature.isValid(credentials,
                answerHeaders("1764130001", "feed", Crypto.rsaBase64(platform.getPrivate(), message)), bytes("{}")))
                .isTrue();
        assertThat(AnswerSignature.isValid(credentials,
                answerHeaders("1764130001", "feed", Crypto.rsaBase64(merchant.getPrivate(), message)), bytes("{}")))
                .isFalse();
    }

    @Test
    void secrets_and_keys_stay_out_of_to_string() throws Exception {
        assertThat(Credentials.hmac("demo-app", SECRET).toString()).doesNotContain(SECRET);
        KeyPair merchant = Crypto.rsaKeyPair();
        assertThat(Credentials.rsa("rsa-app", merchant.getPrivate(), merchant.getPublic()).toString())
                .doesNotContain(merchant.getPrivate().toString());
    }

    static HttpHeaders answerHeaders(String timestamp, String nonce, String signature) {
        return HttpHeaders.of(Map.of("Aggpay-Timestamp", List.of(timestamp), "Aggpay-Nonce", List.of(nonce),
                "Aggpay-Signature", List.of(signature)), (name, value) -> true);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
