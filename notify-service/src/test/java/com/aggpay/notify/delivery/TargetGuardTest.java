package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aggpay.contracts.webhook.AddressCategory;
import com.aggpay.contracts.webhook.WebhookTargets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    /** A guard whose DNS answers "merchant.example" with a given address, without real DNS. */
    private static TargetGuard resolvingTo(boolean local, String ip) {
        return new TargetGuard(local, host -> {
            if (!host.equals("merchant.example")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(ip)};
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a00:1",
            "64:ff9b:1::a9fe:a9fe", "2002:a9fe:a9fe::1", "2001:0:4136:e378:8000:63bf:5601:5601"})
    void in_production_a_host_resolving_to_an_internal_address_is_refused_at_resolution(String ip) {
        assertThatThrownBy(() -> resolvingTo(false, ip).resolve("merchant.example"))
                .isInstanceOf(WebhookTargets.RefusedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "100.100.100.200", "fd00:ec2::254", "169.254.1.1", "fe80::1",
            "0.0.0.0", "255.255.255.255"})
    void locally_link_local_and_metadata_addresses_are_still_refused(String ip) {
        assertThatThrownBy(() -> resolvingTo(true, ip).resolve("merchant.example"))
                .isInstanceOf(WebhookTargets.RefusedAddressException.class);
    }

    @Test
    void locally_loopback_and_private_addresses_resolve() throws Exception {
        assertThat(resolvingTo(true, "127.0.0.1").resolve("merchant.example"))
                .containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(resolvingTo(true, "10.0.0.7").resolve("merchant.example")).hasSize(1);
    }

    @Test
    void in_production_a_public_address_resolves_and_a_literal_loopback_url_is_forbidden_before_sending()
            throws Exception {
        assertThat(resolvingTo(false, "203.0.113.7").resolve("merchant.example"))
                .containsExactly(InetAddress.getByName("203.0.113.7"));
        assertThat(new TargetGuard(false).check("http://127.0.0.1:8080/hook"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_LOOPBACK"));
        assertThat(new TargetGuard(false).check("http://[::1]:8080/hook"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_LOOPBACK"));
    }

    @Test
    void the_metadata_address_is_forbidden_before_sending_in_every_profile() {
        assertThat(new TargetGuard(true).check("http://169.254.169.254/latest/meta-data/"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_METADATA"));
        assertThat(new TargetGuard(false).check("http://[fd00:ec2::254]/"))
                .isEqualTo(new TargetGuard.Verdict.Forbidden("ADDRESS_METADATA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://merchant.example/x", "file:///etc/passwd", "gopher://merchant.example/",
            "https://user:pw@merchant.example/", "not a url", "/relative"})
    void anything_but_a_plain_http_url_is_forbidden_in_every_profile(String url) {
        assertThat(new TargetGuard(true).check(url)).isInstanceOf(TargetGuard.Verdict.Forbidden.class);
    }

    @Test
    void a_host_name_is_not_resolved_before_sending_only_once_when_connecting() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetGuard guard = new TargetGuard(false, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("203.0.113.7")};
        });

        assertThat(guard.check("https://merchant.example/hook")).isInstanceOf(TargetGuard.Verdict.Allowed.class);
        assertThat(lookups).hasValue(0);
        guard.resolve("merchant.example");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void a_host_that_does_not_resolve_is_a_retryable_failure_not_a_refusal() {
        assertThatThrownBy(() -> resolvingTo(false, "203.0.113.7").resolve("unknown.example"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(WebhookTargets.RefusedAddressException.class);
        assertThat(WebhookSender.classify(new UnknownHostException("x")).outcome()).isEqualTo("NETWORK_ERROR");
        assertThat(WebhookSender.classify(new WebhookTargets.RefusedAddressException("x", AddressCategory.METADATA)))
                .isEqualTo(new com.aggpay.notify.domain.AttemptResult.Forbidden("ADDRESS_METADATA"));
    }
}
