package com.aggpay.merchant.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000100000000R", "11100000000013127D"})
    void unified_social_credit_codes_with_their_check_character_are_valid(String code) {
        assertThat(ChineseIds.isValidUscc(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y42", "91350100M000100Y4", "91350100M000100Y430", "91350100m000100Y43",
            "9135010OM000100Y43", "91350100M000100Z43", ""})
    void a_wrong_check_character_length_case_or_letter_is_not(String code) {
        assertThat(ChineseIds.isValidUscc(code)).isFalse();
        assertThat(ChineseIds.isValidUscc(null)).isFalse();
    }

    @Test
    void identity_numbers_need_their_check_character_and_a_real_past_birth_date() {
        assertThat(ChineseIds.isValidIdNumber("11010519491231002X", TODAY)).isTrue();
        assertThat(ChineseIds.isValidIdNumber("110105194912310021", TODAY)).isFalse(); // check character
        assertThat(ChineseIds.isValidIdNumber("11010519491231002x", TODAY)).isFalse(); // lower-case x
        assertThat(ChineseIds.isValidIdNumber("110105194902300020", TODAY)).isFalse(); // 30 February
        assertThat(ChineseIds.isValidIdNumber("11010520300101001X", TODAY)).isFalse(); // born in 2030
        assertThat(ChineseIds.isValidIdNumber("11010519491231002", TODAY)).isFalse();
    }

    @Test
    void a_business_category_is_read_from_its_code_or_usual_names_and_anything_else_is_other() {
        assertThat(BusinessCategory.parse("CATERING")).isEqualTo(BusinessCategory.CATERING);
        assertThat(BusinessCategory.parse("catering")).isEqualTo(BusinessCategory.CATERING);
        assertThat(BusinessCategory.parse("餐饮")).isEqualTo(BusinessCategory.CATERING);
        assertThat(BusinessCategory.parse("online services")).isEqualTo(BusinessCategory.ONLINE_SERVICES);
        assertThat(BusinessCategory.parse("奶茶加盟")).isEqualTo(BusinessCategory.OTHER);
        assertThat(BusinessCategory.parse("  ")).isNull();
    }

    @Test
    void masks_keep_only_the_last_four_characters() {
        assertThat(Masking.masked(Masking.lastFour("11010519491231002X"), 18)).isEqualTo("**************002X");
        assertThat(Masking.masked(null, 18)).isNull();
    }
}
