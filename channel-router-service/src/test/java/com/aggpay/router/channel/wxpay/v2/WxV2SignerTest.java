package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Vectors from WeChat's own documentation and from the openssl CLI, which shares no code with the JDK. */
class WxV2SignerTest {

    /** pay.weixin.qq.com "安全规范" example: key 192006250b4c09247ec02edce69f6a2d. */
    private static final String DOC_KEY = "192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> docExample() {
        Map<String, String> fields = new HashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return fields;
    }

    @Test
    void wechats_documented_example_signs_to_its_documented_md5_and_hmac_sha256() {
        assertThat(WxV2Signer.sign(docExample(), DOC_KEY, "MD5")).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxV2Signer.sign(docExample(), DOC_KEY, "HMAC-SHA256"))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void the_signed_string_is_sorted_without_sign_and_empty_values_and_ends_with_the_key() {
        Map<String, String> fields = docExample();
        fields.put("sign", "IGNORED");
        fields.put("attach", "");
        assertThat(WxV2Signer.content(fields, "K")).isEqualTo(
                "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=K");
    }

    @Test
    void signatures_agree_with_openssl_for_non_ascii_fields() {
        assumeTrue(openssl(null, "version").startsWith("OpenSSL"), "openssl CLI not available");
        Map<String, String> fields = new HashMap<>();
        fields.put("body", "拿铁咖啡 ×2");
        fields.put("out_trade_no", "A20261126001");
        fields.put("total_fee", "1234");
        String key = "0123456789abcdefghijABCDEFGHIJ01";
        String content = WxV2Signer.content(fields, key);
        assertThat(WxV2Signer.sign(fields, key, "MD5"))
                .isEqualTo(hexOf(openssl(content, "dgst", "-md5")));
        assertThat(WxV2Signer.sign(fields, key, "HMAC-SHA256"))
                .isEqualTo(hexOf(openssl(content, "dgst", "-sha256", "-hmac", key)));
    }

    @Test
    void verification_accepts_the_right_sign_in_either_case_of_type_only_and_refuses_others() {
        Map<String, String> fields = docExample();
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxV2Signer.verify(fields, DOC_KEY, "MD5")).isTrue();
        assertThat(WxV2Signer.verify(fields, DOC_KEY, "HMAC-SHA256")).isFalse();
        assertThat(WxV2Signer.verify(fields, "another-key", "MD5")).isFalse();
        assertThat(WxV2Signer.verify(fields, DOC_KEY, "SHA1")).isFalse();
        fields.put("body", "test2");
        assertThat(WxV2Signer.verify(fields, DOC_KEY, "MD5")).isFalse();
        fields.remove("sign");
        assertThat(WxV2Signer.verify(fields, DOC_KEY, "MD5")).isFalse();
    }

    private static String hexOf(String opensslOutput) {
        return opensslOutput.substring(opensslOutput.lastIndexOf('=') + 1).strip().toUpperCase(Locale.ROOT);
    }

    /** Runs the openssl CLI with {@code stdin} (or none) and gives its output, or "" when it fails. */
    private static String openssl(String stdin, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
