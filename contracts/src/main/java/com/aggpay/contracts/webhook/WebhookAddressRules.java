package com.aggpay.contracts.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may be sent to (API.md: never link-local or metadata addresses; private ranges only in
 * local mode). Written once for every service that accepts or calls a webhook URL. Pure: no DNS, no I/O.
 *
 * <p>IPv6 forms that carry an IPv4 address are judged by the IPv4 address they lead to: IPv4-mapped
 * {@code ::ffff:0:0/96}, IPv4-translated {@code ::ffff:0:0:0/96}, IPv4-compatible {@code ::/96}, NAT64
 * {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} (bits 16..48) and Teredo
 * {@code 2001::/32} (the client address is the last 32 bits inverted).
 */
public final class WebhookAddressRules {

    private WebhookAddressRules() {
    }

    /** The category of an address; an address that embeds an IPv4 address takes that address's category. */
    public static AddressCategory classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        return AddressCategory.RESERVED;
    }

    /** Public addresses always; loopback and private ones in local mode only; nothing else ever. */
    public static boolean allowed(InetAddress address, boolean localMode) {
        return allowed(classify(address), localMode);
    }

    public static boolean allowed(AddressCategory category, boolean localMode) {
        return switch (category) {
            case PUBLIC -> true;
            case LOOPBACK, PRIVATE -> localMode;
            default -> false;
        };
    }

    private static AddressCategory classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) {
            return AddressCategory.METADATA;
        }
        if (a0 == 0) {
            return (a1 | a2 | a3) == 0 ? AddressCategory.UNSPECIFIED : AddressCategory.RESERVED;
        }
        if (a0 == 127) {
            return AddressCategory.LOOPBACK;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressCategory.LINK_LOCAL;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                || (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
            return AddressCategory.PRIVATE;
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return AddressCategory.RESERVED; // IETF protocol assignments
        }
        if (a0 >= 224 && a0 <= 239) {
            return AddressCategory.MULTICAST;
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return AddressCategory.BROADCAST;
        }
        if (a0 >= 240) {
            return AddressCategory.RESERVED;
        }
        return AddressCategory.PUBLIC;
    }

    private static AddressCategory classifyV6(byte[] b) {
        if (zero(b, 0, 16)) {
            return AddressCategory.UNSPECIFIED;
        }
        if (zero(b, 0, 15) && b[15] == 1) {
            return AddressCategory.LOOPBACK;
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated but still routed by some stacks)
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zero(b, 0, 12)) {
            return classifyV4(slice(b, 12));
        }
        // ::ffff:0:a.b.c.d (IPv4-translated, SIIT)
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return classifyV4(slice(b, 12));
        }
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        // NAT64: well-known prefix 64:ff9b::/96 and the local-use prefix 64:ff9b:1::/48
        if (w0 == 0x0064 && w1 == 0xff9b && (zero(b, 4, 12) || word(b, 2) == 0x0001)) {
            return classifyV4(slice(b, 12));
        }
        if (w0 == 0x2002) { // 6to4: the IPv4 address of the relay-less tunnel end, bits 16..48
            return classifyV4(slice(b, 2));
        }
        if (w0 == 0x2001 && w1 == 0x0000) { // Teredo: the client's IPv4 address, inverted, in the last 32 bits
            byte[] client = slice(b, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return classifyV4(client);
        }
        if ((b[0] & 0xff) == 0xfd && word(b, 1) == 0x0ec2 && zero(b, 4, 14) && (b[14] & 0xff) == 0x02
                && (b[15] & 0xff) == 0x54) {
            return AddressCategory.METADATA; // fd00:ec2::254, AWS's IPv6 instance metadata
        }
        if ((b[0] & 0xff) == 0xff) {
            return AddressCategory.MULTICAST;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return AddressCategory.LINK_LOCAL;
        }
        if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
            return AddressCategory.PRIVATE; // fc00::/7 unique local, fec0::/10 old site-local
        }
        if ((b[0] & 0xe0) != 0x20) {
            return AddressCategory.RESERVED; // outside 2000::/3, the only global unicast space
        }
        return AddressCategory.PUBLIC;
    }

    private static int word(byte[] b, int index) {
        return ((b[index * 2] & 0xff) << 8) | (b[index * 2 + 1] & 0xff);
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
