package com.aggpay.contracts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    /** DNS that knows a few names, without real DNS. */
    private static InetAddress[] dns(String host) throws UnknownHostException {
        return switch (host) {
            case "merchant.example" -> new InetAddress[] {InetAddress.getByName("203.0.113.7")};
            case "mixed.example" -> new InetAddress[] {InetAddress.getByName("203.0.113.7"),
                    InetAddress.getByName("169.254.169.254")};
            case "inside.example" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
            default -> throw new UnknownHostException(host);
        };
    }

    private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::dns);
    private final WebhookTargets local = new WebhookTargets(true, WebhookTargetsTest::dns);

    @Test
    void a_public_host_is_allowed_with_the_addresses_it_was_checked_at() throws Exception {
        WebhookTargets.Verdict verdict = production.check("https://merchant.example/hooks?t=1");

        assertThat(verdict).isEqualTo(new WebhookTargets.Verdict.Allowed(
                java.net.URI.create("https://merchant.example/hooks?t=1"), "merchant.example",
                List.of(InetAddress.getByName("203.0.113.7"))));
    }

    @Test
    void a_host_with_one_refused_address_among_public_ones_is_refused() {
        assertThat(production.check("https://mixed.example/h"))
                .isInstanceOfSatisfying(WebhookTargets.Verdict.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo("ADDRESS_METADATA"));
        assertThat(local.check("https://mixed.example/h")).isInstanceOf(WebhookTargets.Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/",
            "http://100.100.100.200/", "http://[fe80::1]:8080/h", "http://0.0.0.0:8080/h",
            "http://[::ffff:169.254.169.254]/", "http://[2002:a9fe:a9fe::1]/", "http://[64:ff9b::a9fe:a9fe]/"})
    void metadata_and_link_local_literals_are_refused_in_every_profile(String url) {
        assertThat(production.check(url)).isInstanceOf(WebhookTargets.Verdict.Refused.class);
        assertThat(local.check(url)).isInstanceOf(WebhookTargets.Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8099/hooks", "http://[::1]:8099/h", "http://10.0.0.5/h",
            "http://inside.example/h"})
    void loopback_and_private_targets_are_allowed_only_in_local_mode(String url) {
        assertThat(production.check(url)).isInstanceOf(WebhookTargets.Verdict.Refused.class);
        assertThat(local.check(url)).isInstanceOf(WebhookTargets.Verdict.Allowed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://merchant.example/x", "file:///etc/passwd", "gopher://merchant.example/",
            "https://user:pw@merchant.example/", "not a url", "/relative", "", "http:///nohost"})
    void anything_but_a_plain_http_url_is_refused_in_every_profile(String url) {
        assertThat(local.check(url)).isInstanceOf(WebhookTargets.Verdict.Refused.class);
    }

    @Test
    void a_host_name_that_does_not_resolve_is_unresolvable() {
        assertThat(production.check("https://nowhere.example/h"))
                .isEqualTo(new WebhookTargets.Verdict.Unresolvable("nowhere.example"));
    }

    @Test
    void resolving_for_a_client_throws_the_category_of_a_refused_address() {
        assertThatThrownBy(() -> production.resolveChecked("mixed.example"))
                .isInstanceOfSatisfying(WebhookTargets.RefusedAddressException.class,
                        e -> assertThat(e.category()).isEqualTo(AddressCategory.METADATA));
    }

    @Test
    void an_ip_literal_is_judged_without_asking_the_resolver() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets targets = new WebhookTargets(true, host -> {
            lookups.incrementAndGet();
            throw new UnknownHostException(host);
        });

        assertThat(targets.resolveChecked("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(targets.resolveChecked("::1")).hasSize(1);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void a_lookup_slower_than_the_bound_counts_as_unresolvable() {
        try (BoundedResolver slow = new BoundedResolver(Duration.ofMillis(100), 2, host -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[0];
        })) {
            long started = System.nanoTime();
            assertThat(new WebhookTargets(false, slow).check("https://slow.example/h"))
                    .isEqualTo(new WebhookTargets.Verdict.Unresolvable("slow.example"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
