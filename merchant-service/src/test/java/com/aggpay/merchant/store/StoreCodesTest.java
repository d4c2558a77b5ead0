package com.aggpay.merchant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreCodesTest {

    @Test
    void issued_codes_are_12_lowercase_base32_characters_and_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = StoreCodes.next();
            assertThat(code).matches("[a-z2-7]{12}");
            assertThat(StoreCodes.plausible(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void only_url_safe_shapes_are_taken_for_codes() {
        assertThat(StoreCodes.plausible("demo-store")).isTrue();
        for (String bad : new String[] {null, "", "-demo", "demo-", "Demo", "a/b", "a.b", "..", "abc%20",
                "a".repeat(33), "店铺"}) {
            assertThat(StoreCodes.plausible(bad)).as(bad).isFalse();
        }
    }
}
