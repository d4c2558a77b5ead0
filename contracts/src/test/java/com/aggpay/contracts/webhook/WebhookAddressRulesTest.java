package com.aggpay.contracts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookAddressRulesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4
            "8.8.8.8, PUBLIC",
            "203.0.113.7, PUBLIC",
            "1.1.1.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.9, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "192.168.1.1, PRIVATE",
            "100.64.0.1, PRIVATE",
            "100.127.255.255, PRIVATE",
            "100.128.0.1, PUBLIC",
            "198.18.0.1, PRIVATE",
            "169.254.0.1, LINK_LOCAL",
            "169.254.169.253, LINK_LOCAL",
            "169.254.169.254, METADATA",
            "100.100.100.200, METADATA",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, RESERVED",
            "192.0.0.170, RESERVED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED",
            "255.255.255.255, BROADCAST",
            // IPv6, plain
            "2606:4700:4700::1111, PUBLIC",
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "fec0::1, PRIVATE",
            "fd00:ec2::254, METADATA",
            "fd00:ec2::253, PRIVATE",
            "ff02::1, MULTICAST",
            "100::1, RESERVED",
            "4000::1, RESERVED",
            // IPv4-mapped, -translated and -compatible
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, METADATA",
            "::ffff:8.8.8.8, PUBLIC",
            "::ffff:0:10.0.0.1, PRIVATE",
            "::ffff:0:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "::169.254.169.254, METADATA",
            "::8.8.8.8, PUBLIC",
            // NAT64, well-known and local-use prefixes
            "64:ff9b::a9fe:a9fe, METADATA",
            "64:ff9b::a00:1, PRIVATE",
            "64:ff9b::808:808, PUBLIC",
            "64:ff9b:1::7f00:1, LOOPBACK",
            "64:ff9b:1:abcd::a9fe:1, LINK_LOCAL",
            "64:ff9b:1::808:808, PUBLIC",
            // 6to4: the IPv4 address in bits 16..48
            "2002:a9fe:a9fe::1, METADATA",
            "2002:7f00:1::, LOOPBACK",
            "2002:c0a8:101::1, PRIVATE",
            "2002:808:808::1, PUBLIC",
            // Teredo: the client's IPv4 address inverted in the last 32 bits
            "2001:0:4136:e378:8000:63bf:5601:5601, METADATA",   // ~a9fe.a9fe = 5601:5601
            "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK",   // ~7f00:0001
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC",     // ~0808:0808
            "2001:db8::1, PUBLIC"
    })
    void every_address_falls_into_the_category_of_the_network_it_leads_to(String address, AddressCategory expected)
            throws Exception {
        assertThat(WebhookAddressRules.classify(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: production {1}, local {2}")
    @CsvSource({
            "8.8.8.8, true, true",
            "127.0.0.1, false, true",
            "::1, false, true",
            "10.1.2.3, false, true",
            "fd12::1, false, true",
            "100.64.0.1, false, true",
            "169.254.169.254, false, false",
            "100.100.100.200, false, false",
            "fd00:ec2::254, false, false",
            "169.254.1.1, false, false",
            "fe80::1, false, false",
            "0.0.0.0, false, false",
            "::, false, false",
            "224.0.0.1, false, false",
            "255.255.255.255, false, false",
            "240.0.0.1, false, false",
            "2002:a9fe:a9fe::1, false, false",
            "2002:7f00:1::, false, true"
    })
    void link_local_and_metadata_are_refused_everywhere_and_private_ranges_only_allowed_locally(
            String address, boolean production, boolean local) throws Exception {
        InetAddress a = InetAddress.getByName(address);

        assertThat(WebhookAddressRules.allowed(a, false)).isEqualTo(production);
        assertThat(WebhookAddressRules.allowed(a, true)).isEqualTo(local);
    }
}
