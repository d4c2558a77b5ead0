package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    /** Production guard whose DNS answers "merchant.example" with a given address, without real DNS. */
    private static TargetGuard productionResolvingTo(String ip) {
        return new TargetGuard(false, host -> {
            if (!host.equals("merchant.example")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a00:1"})
    void in_production_a_url_resolving_to_an_internal_address_is_forbidden(String ip) {
        TargetGuard.Verdict verdict = productionResolvingTo(ip).check("https://merchant.example/hook");

        assertThat(verdict).isInstanceOf(TargetGuard.Verdict.Forbidden.class);
    }

    @Test
    void in_production_a_literal_loopback_url_is_forbidden() {
        assertThat(new TargetGuard(false).check("http://127.0.0.1:8080/hook"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_NOT_PUBLIC"));
        assertThat(new TargetGuard(false).check("http://[::1]:8080/hook"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_NOT_PUBLIC"));
    }

    @Test
    void in_production_a_public_address_is_allowed() {
        assertThat(productionResolvingTo("203.0.113.7").check("https://merchant.example/hook"))
                .isInstanceOf(TargetGuard.Verdict.Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://merchant.example/x", "file:///etc/passwd", "gopher://merchant.example/",
            "https://user:pw@merchant.example/", "not a url", "/relative"})
    void anything_but_a_plain_http_url_is_forbidden_in_every_profile(String url) {
        assertThat(new TargetGuard(true).check(url)).isInstanceOf(TargetGuard.Verdict.Forbidden.class);
    }

    @Test
    void locally_loopback_is_allowed() {
        assertThat(new TargetGuard(true).check("http://127.0.0.1:9999/hook"))
                .isInstanceOf(TargetGuard.Verdict.Allowed.class);
    }

    @Test
    void a_host_that_does_not_resolve_is_a_retryable_failure_not_a_refusal() {
        assertThat(productionResolvingTo("203.0.113.7").check("https://unknown.example/hook"))
                .isEqualTo(new TargetGuard.Verdict.Unresolvable("DNS_UNRESOLVED"));
    }
}
