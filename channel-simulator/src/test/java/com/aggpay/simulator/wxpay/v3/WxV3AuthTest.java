package com.aggpay.simulator.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.simulator.account.WxV3Account;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV3AuthTest {

    private static final KeyPair MERCHANT = keyPair();
    private static final WxV3Account ACCOUNT = new WxV3Account("1900000001", "wx0000000000000001",
            MERCHANT.getPublic(), keyPair().getPrivate(), "PUB_KEY_ID_01", "0123456789abcdefghijklmnopqrstuv");
    private static final String BODY = "{\"mchid\":\"1900000001\"}";

    @Test
    void accepts_the_header_the_official_sdk_builds() {
        Map<String, String> fields = WxV3Auth.parse(header(1764130000L, "POST", "/v3/pay/transactions/native", BODY));
        assertThat(fields).containsEntry("mchid", "1900000001").containsKey("signature");
        assertThat(WxV3Auth.check(ACCOUNT, fields, "POST", "/v3/pay/transactions/native", BODY, 1764130100L)).isNull();
    }

    @Test
    void refuses_a_changed_body_path_or_method_and_an_old_timestamp() {
        Map<String, String> fields = WxV3Auth.parse(header(1764130000L, "GET",
                "/v3/pay/transactions/out-trade-no/A1?mchid=1900000001", ""));
        assertThat(WxV3Auth.check(ACCOUNT, fields, "GET", "/v3/pay/transactions/out-trade-no/A1?mchid=1900000001", "",
                1764130000L)).isNull();
        assertThat(WxV3Auth.check(ACCOUNT, fields, "GET", "/v3/pay/transactions/out-trade-no/A2?mchid=1900000001", "",
                1764130000L)).isNotNull();
        assertThat(WxV3Auth.check(ACCOUNT, fields, "POST", "/v3/pay/transactions/out-trade-no/A1?mchid=1900000001", "",
                1764130000L)).isNotNull();
        assertThat(WxV3Auth.check(ACCOUNT, fields, "GET", "/v3/pay/transactions/out-trade-no/A1?mchid=1900000001", "x",
                1764130000L)).isNotNull();
        assertThat(WxV3Auth.check(ACCOUNT, fields, "GET", "/v3/pay/transactions/out-trade-no/A1?mchid=1900000001", "",
                1764130000L + 301)).isEqualTo("timestamp expired");
    }

    @Test
    void refuses_other_schemas_and_incomplete_headers() {
        assertThat(WxV3Auth.parse("Bearer x")).isEmpty();
        assertThat(WxV3Auth.parse(null)).isEmpty();
        assertThat(WxV3Auth.check(ACCOUNT, WxV3Auth.parse("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\""), "GET", "/",
                "", 0)).isEqualTo("Authorization header incomplete");
    }

    /** Built the way wechatpay-java's WechatPay2Credential does, independently of the code under test. */
    private static String header(long timestamp, String method, String url, String body) {
        String nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
        String message = method + "\n" + url + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(MERCHANT.getPrivate());
            s.update(message.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(s.sign());
            return "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp
                    + "\",serial_no=\"5157F09EFDC096DE15EBE81A47057A7232F1B8E1\",signature=\"" + signature + "\"";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
