package com.aggpay.notify.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * SSRF guard for merchant-supplied webhook URLs: only http(s), and in production never an address inside
 * our own networks (loopback, link-local such as cloud metadata, private, multicast, any-local...).
 * Redirects are never followed by the sender, so a public URL cannot bounce the call inward.
 */
public class TargetGuard {

    /** The guard's answer for one URL. */
    public sealed interface Verdict {
        record Allowed(URI uri) implements Verdict {
        }

        /** Must never be called; {@code reason} is a short word for the security log. */
        record Forbidden(String reason) implements Verdict {
        }

        /** The host does not resolve now; may be temporary, so the attempt counts as a network failure. */
        record Unresolvable(String error) implements Verdict {
        }
    }

    /** Resolving is a seam so the address rules can be tested without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    public TargetGuard(boolean allowPrivateTargets) {
        this(allowPrivateTargets, InetAddress::getAllByName);
    }

    public TargetGuard(boolean allowPrivateTargets, Resolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return new Verdict.Forbidden("URL_INVALID");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Verdict.Forbidden("SCHEME_NOT_HTTP");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return new Verdict.Forbidden("HOST_INVALID");
        }
        if (allowPrivateTargets) {
            return new Verdict.Allowed(uri);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Verdict.Unresolvable("DNS_UNRESOLVED");
        }
        // Every address must be public: the HTTP client may pick any of them.
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return new Verdict.Forbidden("ADDRESS_NOT_PUBLIC");
            }
        }
        return new Verdict.Allowed(uri);
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                      // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, shared address space
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240;                               // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local (isSiteLocalAddress only knows the old fec0::/10)
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address that is reached in the end. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return compatible || nat64;
    }
}
