package com.aggpay.merchant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StorePropertiesTest {

    @Test
    void the_qr_url_is_the_public_base_url_and_the_code_whatever_slash_the_base_ends_with() {
        assertThat(new StoreProperties(URI.create("http://127.0.0.1:8080")).qrUrl("demo-store"))
                .isEqualTo("http://127.0.0.1:8080/qr/demo-store");
        assertThat(new StoreProperties(URI.create("https://pay.example.cn/aggpay/")).qrUrl("abc"))
                .isEqualTo("https://pay.example.cn/aggpay/qr/abc");
    }

    @Test
    void a_base_url_that_would_print_broken_codes_stops_the_start() {
        for (String bad : new String[] {"ftp://pay.example.cn", "pay.example.cn", "https://u:p@pay.example.cn",
                "https://pay.example.cn/?a=1", "https://pay.example.cn/#x"}) {
            assertThatThrownBy(() -> new StoreProperties(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggpay.public-base-url");
        }
        assertThatThrownBy(() -> new StoreProperties(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
