package com.aggpay.simulator.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WxV2XmlTest {

    @Test
    void written_fields_read_back_unchanged() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", "拿铁 <large> & ]]> more");
        fields.put("total_fee", "100");
        assertThat(WxV2Xml.parse(WxV2Xml.write(fields).getBytes(StandardCharsets.UTF_8))).isEqualTo(fields);
    }

    @Test
    void doctypes_and_garbage_are_not_documents() {
        assertThat(WxV2Xml.parse("<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><xml><a>&e;</a></xml>"
                .getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(WxV2Xml.parse("not xml".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(WxV2Xml.parse(new byte[0])).isNull();
    }
}
