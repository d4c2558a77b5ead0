package com.aggpay.gateway.cashier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CashierSealTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    private final CashierSeal seal = new CashierSeal(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whatWasSealedOpensForItsPurposeUntilItExpires() {
        String sealed = seal.seal("payer-session", Map.of("p", "oPayer", "s", "store:demo-store"), Duration.ofMinutes(30));

        assertThat(seal.open("payer-session", sealed)).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("p", "oPayer").containsEntry("s", "store:demo-store");
        });
        assertThat(seal.open("payer-authorisation", sealed)).isEmpty();
        CashierSeal later = new CashierSeal(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertThat(later.open("payer-session", sealed)).isEmpty();
    }

    @Test
    void aChangedPayerOrAnotherKeysSealDoesNotOpen() {
        String sealed = seal.seal("payer-session", Map.of("p", "oPayer"), Duration.ofMinutes(30));
        String payload = sealed.substring(0, sealed.indexOf('.'));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("oPayer", "oVictim")
                .getBytes(StandardCharsets.UTF_8));
        CashierSeal otherKey = new CashierSeal("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(seal.open("payer-session", forgedPayload + sealed.substring(sealed.indexOf('.')))).isEmpty();
        assertThat(seal.open("payer-session", otherKey.seal("payer-session", Map.of("p", "oPayer"),
                Duration.ofMinutes(30)))).isEmpty();
        assertThat(seal.open("payer-session", "garbage")).isEmpty();
        assertThat(seal.open("payer-session", "a.b.c")).isEmpty();
        assertThat(seal.open("payer-session", null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new CashierSeal(new byte[16], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void walletsAreToldApartByTheirUserAgentMarks() {
        assertThat(Wallet.ofUserAgent("Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 MicroMessenger/8.0.47.2560"))
                .contains(Wallet.WECHAT);
        assertThat(Wallet.ofUserAgent("Mozilla/5.0 (iPhone) AlipayClient/10.5.36.6000 Language/zh-Hans"))
                .contains(Wallet.ALIPAY);
        assertThat(Wallet.ofUserAgent("Mozilla/5.0 (Linux; Android 13) (com.unionpay.uppay) UnionPay/1.0 CloudPay"))
                .contains(Wallet.UNIONPAY);
        assertThat(Wallet.ofUserAgent("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36")).isEmpty();
        assertThat(Wallet.ofUserAgent(null)).isEmpty();
        assertThat(CashierLanding.pagePath("store:demo-store")).isEqualTo("/cashier/store/demo-store");
        assertThat(CashierLanding.retryPath("order:po_0123")).isEqualTo("/cashier/pay/po_0123");
    }
}
