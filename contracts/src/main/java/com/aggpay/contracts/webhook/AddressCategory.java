package com.aggpay.contracts.webhook;

/** What kind of network an address belongs to, as far as webhook delivery cares. */
public enum AddressCategory {
    /** Globally routable: the only kind a production webhook may reach. */
    PUBLIC,
    /** 127.0.0.0/8, ::1. */
    LOOPBACK,
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (shared NAT), 198.18/15 (benchmarking), fc00::/7, fec0::/10. */
    PRIVATE,
    /** 169.254/16, fe80::/10: never, in any profile (cloud metadata lives here). */
    LINK_LOCAL,
    /** Cloud instance metadata services: 169.254.169.254, 100.100.100.200 (Alibaba Cloud), fd00:ec2::254. */
    METADATA,
    /** 0.0.0.0, ::. */
    UNSPECIFIED,
    /** 224/4, ff00::/8. */
    MULTICAST,
    /** 255.255.255.255. */
    BROADCAST,
    /** 0/8, 192.0.0/24, 240/4, and IPv6 outside the ranges above and outside 2000::/3 global unicast. */
    RESERVED
}
