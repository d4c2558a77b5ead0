package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV2XmlTest {

    @Test
    void a_plain_v2_document_reads_as_its_fields_with_cdata_or_not() {
        assertThat(parse("<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>100</total_fee></xml>"))
                .containsExactly(Map.entry("return_code", "SUCCESS"), Map.entry("total_fee", "100"));
    }

    @Test
    void what_is_written_reads_back_the_same_even_with_markup_in_values() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "a<b>&c]]>d");
        fields.put("attach", "拿铁");
        String xml = WxV2Xml.write(fields);
        assertThat(xml).startsWith("<xml><body><![CDATA[");
        assertThat(parse(xml)).isEqualTo(fields);
    }

    @Test
    void a_doctype_of_any_kind_is_refused() {
        assertThat(WxV2Xml.parse(bytes("<!DOCTYPE xml><xml><a>1</a></xml>"))).isEmpty();
        assertThat(WxV2Xml.parse(bytes("<!DOCTYPE xml [<!ENTITY e \"x\">]><xml><a>&e;</a></xml>"))).isEmpty();
        assertThat(WxV2Xml.parse(bytes("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/x.dtd\"><xml/>"))).isEmpty();
    }

    @Test
    void repeated_fields_empty_and_malformed_bodies_are_refused() {
        assertThat(WxV2Xml.parse(bytes("<xml><sign>A</sign><sign>B</sign></xml>"))).isEmpty();
        assertThat(WxV2Xml.parse(new byte[0])).isEmpty();
        assertThat(WxV2Xml.parse(null)).isEmpty();
        assertThat(WxV2Xml.parse(bytes("<xml><a>1</xml>"))).isEmpty();
        assertThat(WxV2Xml.parse(bytes("success"))).isEmpty();
    }

    private static Map<String, String> parse(String xml) {
        return WxV2Xml.parse(bytes(xml)).orElseThrow();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
