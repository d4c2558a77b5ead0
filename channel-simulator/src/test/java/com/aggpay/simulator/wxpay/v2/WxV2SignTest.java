package com.aggpay.simulator.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checked against WeChat Pay v2's own documentation ("签名算法"), whose results openssl reproduces:
 * {@code printf '%s' "$stringSignTemp" | openssl dgst -md5} and {@code … | openssl dgst -sha256 -hmac "$key"}.
 */
class WxV2SignTest {

    /** The page's parameters, in the order the page lists them (not sorted: sorting is the signer's job). */
    private static final String DOC_PARAMS =
            "appid=wxd930ea5d5a258f4f&mch_id=10000100&device_info=1000&body=test&nonce_str=ibuaiVcKdpRxkhJA";
    private static final String DOC_KEY = "192006250b4c09247ec02edce69f6a2d";
    private static final String DOC_STRING_SIGN_TEMP = "appid=wxd930ea5d5a258f4f&body=test&device_info=1000"
            + "&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> documented() {
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(DOC_PARAMS.split("&")).map(p -> p.split("=", 2)).forEach(kv -> params.put(kv[0], kv[1]));
        return params;
    }

    @Test
    void the_documented_parameters_give_the_documented_string_to_sign() {
        Map<String, String> params = documented();
        params.put("attach", "");
        params.put("sign", "ANYTHING");

        assertThat(WxV2Sign.content(params, DOC_KEY)).isEqualTo(DOC_STRING_SIGN_TEMP);
    }

    @Test
    void the_documented_example_signs_to_the_documented_md5_and_hmac_sha256() {
        assertThat(WxV2Sign.sign(documented(), DOC_KEY, WxV2Sign.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxV2Sign.sign(documented(), DOC_KEY, WxV2Sign.HMAC_SHA256))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void a_documented_sign_verifies_and_a_wrong_key_or_tampered_field_does_not() {
        Map<String, String> signed = documented();
        signed.put("sign", "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");

        assertThat(WxV2Sign.verify(signed, DOC_KEY, WxV2Sign.HMAC_SHA256)).isTrue();
        assertThat(WxV2Sign.verify(signed, DOC_KEY + "0", WxV2Sign.HMAC_SHA256)).isFalse();
        signed.put("body", "test2");
        assertThat(WxV2Sign.verify(signed, DOC_KEY, WxV2Sign.HMAC_SHA256)).isFalse();
        assertThat(WxV2Sign.supported("HMAC-SHA1")).isFalse();
        assertThat(WxV2Sign.supported(null)).isFalse();
    }

    @Test
    void req_info_key_is_the_lowercase_hex_md5_of_the_api_key() throws Exception {
        // printf '%s' 192006250b4c09247ec02edce69f6a2d | openssl dgst -md5
        assertThat(new String(WxV2ReqInfo.key("192006250b4c09247ec02edce69f6a2d")))
                .isEqualTo("d96eb16afdd491fa1e705096edbc2205");
    }
}
