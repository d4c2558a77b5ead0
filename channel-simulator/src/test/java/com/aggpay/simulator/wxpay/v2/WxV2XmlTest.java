package com.aggpay.simulator.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV2XmlTest {

    private static Map<String, String> parse(String xml) {
        return WxV2Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void written_fields_read_back_unchanged() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "拿铁 <large> & ]]> more ]]>");
        fields.put("total_fee", "100");
        fields.put("attach", "");
        assertThat(WxV2Xml.parse(WxV2Xml.write(fields).getBytes(StandardCharsets.UTF_8))).isEqualTo(fields);
    }

    @Test
    void fields_are_written_as_cdata_under_the_root_and_nulls_are_left_out() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("err_code", null);
        fields.put("x", "a]]>b");

        assertThat(WxV2Xml.write(fields)).isEqualTo(
                "<xml><return_code><![CDATA[SUCCESS]]></return_code><x><![CDATA[a]]]]><![CDATA[>b]]></x></xml>");
        assertThat(WxV2Xml.write("root", Map.of("a", "1"))).isEqualTo("<root><a><![CDATA[1]]></a></root>");
    }

    @Test
    void plain_text_cdata_and_escaped_text_are_read_alike() {
        assertThat(parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n  <a>1</a>\n  <b><![CDATA[<2>]]></b>"
                + "<c>&lt;3&amp;</c><!-- note --><d/></xml>"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "<2>"), Map.entry("c", "<3&"), Map.entry("d", ""));
    }

    @Test
    void doctypes_entities_and_garbage_are_not_documents() {
        assertThat(parse("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><xml><a>&e;</a></xml>")).isNull();
        assertThat(parse("<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/x.dtd\"><xml><a>1</a></xml>")).isNull();
        assertThat(parse("<!DOCTYPE xml [<!ENTITY e \"inner\">]><xml><a>&e;</a></xml>")).isNull();
        assertThat(parse("<xml><a>&undeclared;</a></xml>")).isNull();
        assertThat(parse("not xml")).isNull();
        assertThat(parse("<xml><a>1</a>")).isNull();
        assertThat(parse("<xml><a>1</a></xml><xml/>")).isNull();
        assertThat(WxV2Xml.parse(new byte[0])).isNull();
        assertThat(WxV2Xml.parse(null)).isNull();
    }
}
