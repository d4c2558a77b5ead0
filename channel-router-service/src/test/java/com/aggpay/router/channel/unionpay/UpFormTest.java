package com.aggpay.router.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UpFormTest {

    @Test
    void an_answer_keeps_reserved_fields_in_braces_whole() {
        Map<String, String> f = UpForm.parseAnswer("respCode=00&reserved={qrCodeType=01&orderType={a=b}}"
                + "&fileContent=eJzT0yMA/w==&respMsg=成功[0000000]\r\n");
        assertThat(f).containsExactly(Map.entry("respCode", "00"),
                Map.entry("reserved", "{qrCodeType=01&orderType={a=b}}"),
                Map.entry("fileContent", "eJzT0yMA/w=="), Map.entry("respMsg", "成功[0000000]"));
        assertThat(UpForm.parseAnswer("a=&b=1")).containsEntry("a", "").containsEntry("b", "1");
    }

    @Test
    void an_answer_with_a_repeated_name_or_unbalanced_braces_is_refused() {
        assertThatThrownBy(() -> UpForm.parseAnswer("respCode=00&respCode=11")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpForm.parseAnswer("reserved={a=1&respCode=00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpForm.parseAnswer("reserved=a}&b=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpForm.parseAnswer("<html>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_form_round_trips_through_url_encoding() {
        Map<String, String> fields = Map.of("respMsg", "成功 & done", "reserved", "{a=1&b=2}");
        assertThat(UpForm.decode(UpForm.encode(fields))).isEqualTo(fields);
        assertThatThrownBy(() -> UpForm.decode("a=1&a=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpForm.decode("=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
