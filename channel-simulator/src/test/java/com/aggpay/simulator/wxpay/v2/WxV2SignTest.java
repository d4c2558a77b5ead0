package com.aggpay.simulator.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV2SignTest {

    /** The example of WeChat's "安全规范" page, with its documented results (openssl agrees). */
    @Test
    void wechats_documented_example_signs_to_its_documented_values() {
        Map<String, String> fields = new HashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        fields.put("attach", "");
        String key = "192006250b4c09247ec02edce69f6a2d";
        assertThat(WxV2Sign.sign(fields, key, "MD5")).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxV2Sign.sign(fields, key, "HMAC-SHA256"))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxV2Sign.verify(fields, key, "MD5")).isTrue();
        assertThat(WxV2Sign.verify(fields, key + "x", "MD5")).isFalse();
    }

    @Test
    void req_info_key_is_the_lowercase_hex_md5_of_the_api_key() throws Exception {
        // printf '%s' 192006250b4c09247ec02edce69f6a2d | openssl dgst -md5
        assertThat(new String(WxV2ReqInfo.key("192006250b4c09247ec02edce69f6a2d")))
                .isEqualTo("d96eb16afdd491fa1e705096edbc2205");
    }
}
