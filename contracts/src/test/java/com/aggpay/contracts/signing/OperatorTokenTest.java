package com.aggpay.contracts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.contracts.signing.OperatorToken.Reason;
import com.aggpay.contracts.signing.OperatorToken.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    private static final byte[] KEY = "operator-token-test-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Clock LOGIN_TIME = Clock.fixed(Instant.ofEpochSecond(1764130000), ZoneOffset.UTC);
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);

    private final OperatorToken tokens = new OperatorToken(KEY, LOGIN_TIME);

    @Test
    void a_token_issued_at_login_verifies_with_its_claims() {
        OperatorToken.Issued issued = tokens.issue("admin", OperatorToken.ROLE_OPERATOR, EIGHT_HOURS);

        Verification result = tokens.verify(issued.token());

        assertThat(result).isInstanceOfSatisfying(Verification.Valid.class, valid -> {
            assertThat(valid.claims()).isEqualTo(issued.claims());
            assertThat(valid.claims().subject()).isEqualTo("admin");
            assertThat(valid.claims().role()).isEqualTo("OPERATOR");
            assertThat(valid.claims().expiresAt()).isEqualTo(Instant.ofEpochSecond(1764130000 + 8 * 3600));
            assertThat(valid.claims().jti()).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void the_payload_is_the_documented_json_and_the_signature_is_the_hmac_of_the_encoded_payload() throws Exception {
        String token = tokens.issue("admin", "OPERATOR", EIGHT_HOURS).token();
        String[] parts = token.split("\\.");

        String json = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertThat(json).matches("\\{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"[0-9a-f]{32}\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        assertThat(parts[1]).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(parts[0].getBytes(StandardCharsets.US_ASCII))));
        assertThat(token).doesNotContain("=");
    }

    @Test
    void every_token_has_its_own_id() {
        assertThat(tokens.issue("admin", "OPERATOR", EIGHT_HOURS).claims().jti())
                .isNotEqualTo(tokens.issue("admin", "OPERATOR", EIGHT_HOURS).claims().jti());
    }

    @Test
    void a_token_whose_payload_was_changed_is_refused_as_badly_signed() {
        String token = tokens.issue("alice", "OPERATOR", EIGHT_HOURS).token();
        String signature = token.substring(token.indexOf('.') + 1);
        String forgedPayload = encode("{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"x\"}");

        assertThat(tokens.verify(forgedPayload + "." + signature)).isEqualTo(rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void a_token_with_one_character_of_the_payload_flipped_is_refused() {
        String token = tokens.issue("admin", "OPERATOR", EIGHT_HOURS).token();
        char first = token.charAt(0);
        String flipped = (first == 'e' ? 'f' : 'e') + token.substring(1);

        assertThat(tokens.verify(flipped)).isEqualTo(rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void a_token_made_with_another_key_is_refused() {
        OperatorToken otherKey = new OperatorToken("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII),
                LOGIN_TIME);

        assertThat(tokens.verify(otherKey.issue("admin", "OPERATOR", EIGHT_HOURS).token()))
                .isEqualTo(rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void a_token_is_refused_from_the_second_it_expires() {
        String token = tokens.issue("admin", "OPERATOR", EIGHT_HOURS).token();

        assertThat(at(EIGHT_HOURS.minusSeconds(1)).verify(token)).isInstanceOf(Verification.Valid.class);
        assertThat(at(EIGHT_HOURS).verify(token)).isEqualTo(rejected(Reason.EXPIRED));
        assertThat(at(EIGHT_HOURS.plusDays(30)).verify(token)).isEqualTo(rejected(Reason.EXPIRED));
    }

    @Test
    void text_that_is_not_two_base64url_parts_is_refused_as_malformed() {
        String valid = tokens.issue("admin", "OPERATOR", EIGHT_HOURS).token();
        String payload = valid.substring(0, valid.indexOf('.'));
        String signature = valid.substring(valid.indexOf('.') + 1);

        for (String malformed : new String[] {null, "", ".", "abc", "abc.", ".abc", valid + ".x", payload + "." + signature + "=",
                payload + "==." + signature, payload.substring(0, 5) + "+" + payload.substring(6) + "." + signature, payload + " ." + signature,
                "a".repeat(OperatorToken.MAX_TOKEN_LENGTH) + "." + signature}) {
            assertThat(tokens.verify(malformed)).as("%s", malformed).isEqualTo(rejected(Reason.MALFORMED));
        }
    }

    @Test
    void a_correctly_signed_payload_that_is_not_exactly_our_json_is_refused_as_malformed() {
        String[] payloads = {
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\",\"admin\":true}",
                "{\"sub\":\"admin\",\"sub\":\"root\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\"}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":\"1764158800\",\"jti\":\"a\"}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800.5,\"jti\":\"a\"}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":-1,\"jti\":\"a\"}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":01764158800,\"jti\":\"a\"}",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\"} x",
                "{\"sub\":\"admin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\",}",
                "{\"sub\":\"ad\\nmin\",\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\"}",
                "{\"sub\":null,\"role\":\"OPERATOR\",\"exp\":1764158800,\"jti\":\"a\"}",
                "[\"admin\"]",
                "not json",
        };
        for (String json : payloads) {
            assertThat(tokens.verify(signed(json))).as(json).isEqualTo(rejected(Reason.MALFORMED));
        }
    }

    @Test
    void a_correctly_signed_payload_in_another_member_order_with_spaces_and_escapes_is_accepted() {
        String json = " { \"jti\" : \"t1\", \"exp\" : 1764158800 , \"role\":\"OPER\\u0041TOR\", \"sub\":\"admin\" } ";

        assertThat(tokens.verify(signed(json))).isInstanceOfSatisfying(Verification.Valid.class,
                valid -> assertThat(valid.claims().role()).isEqualTo("OPERATOR"));
    }

    @Test
    void only_safe_subjects_and_roles_are_issued() {
        assertThatThrownBy(() -> tokens.issue("ad\r\nmin", "OPERATOR", EIGHT_HOURS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("admin", "", EIGHT_HOURS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("admin", "OPERATOR", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_shorter_than_32_bytes_or_not_base64_is_refused_without_echoing_it() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> OperatorToken.fromBase64Key(shortKey, LOGIN_TIME))
                .hasMessageContaining("AGGPAY_OPERATOR_TOKEN_KEY").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> OperatorToken.fromBase64Key("not base64 !", LOGIN_TIME))
                .hasMessageContaining("AGGPAY_OPERATOR_TOKEN_KEY").hasMessageNotContaining("not base64 !");
        assertThatThrownBy(() -> OperatorToken.fromBase64Key("", LOGIN_TIME))
                .hasMessageContaining("AGGPAY_OPERATOR_TOKEN_KEY");
        assertThat(OperatorToken.fromBase64Key(Base64.getEncoder().encodeToString(KEY), LOGIN_TIME)
                .verify(tokens.issue("admin", "OPERATOR", EIGHT_HOURS).token())).isInstanceOf(Verification.Valid.class);
    }

    private String signed(String json) {
        String payload = encode(json);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static OperatorToken at(Duration afterLogin) {
        return new OperatorToken(KEY, Clock.offset(LOGIN_TIME, afterLogin));
    }

    private static Verification rejected(Reason reason) {
        return new Verification.Rejected(reason);
    }
}
