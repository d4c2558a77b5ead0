package com.aggpay.contracts.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Checks a webhook URL as a whole: http(s) only, a host and no user info, and every address the host stands for
 * allowed by {@link WebhookAddressRules}. An IP literal is judged as written; a host name is resolved once through
 * the given {@link Resolver} and refused if any of its addresses is refused (the HTTP client may pick any of them).
 */
public final class WebhookTargets {

    /** The answer for one URL. */
    public sealed interface Verdict {

        /** The URL may be called, at exactly these (checked) addresses. */
        record Allowed(URI uri, String host, List<InetAddress> addresses) implements Verdict {
        }

        /** Must never be called; {@code reason} is a short stable word for logs and answers. */
        record Refused(String reason, String detail) implements Verdict {
        }

        /** The host name does not resolve (now); whether that is final is the caller's choice. */
        record Unresolvable(String host) implements Verdict {
        }
    }

    /** Name resolution, a seam so that the rules can be tested without DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A resolved host has an address the rules refuse; an {@link UnknownHostException} so that clients stop. */
    public static final class RefusedAddressException extends UnknownHostException {

        private final transient AddressCategory category;

        public RefusedAddressException(String host, AddressCategory category) {
            super(host + " resolves to a " + category + " address, which webhooks may not reach");
            this.category = category;
        }

        public AddressCategory category() {
            return category;
        }
    }

    /** A URL that is not an absolute http(s) URL with a host; {@code reason} is a short stable word. */
    public static final class InvalidUrlException extends IllegalArgumentException {

        private final String reason;

        InvalidUrlException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public static final int MAX_URL_LENGTH = 1024;

    private final boolean localMode;
    private final Resolver resolver;

    /** @param localMode whether loopback and private addresses are allowed (local mode only) */
    public WebhookTargets(boolean localMode, Resolver resolver) {
        this.localMode = localMode;
        this.resolver = resolver;
    }

    public boolean localMode() {
        return localMode;
    }

    /** Shape of the URL, then its addresses. */
    public Verdict check(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (InvalidUrlException e) {
            return new Verdict.Refused(e.reason(), e.getMessage());
        }
        String host = hostOf(uri);
        try {
            return new Verdict.Allowed(uri, host, List.of(resolveChecked(host)));
        } catch (RefusedAddressException e) {
            return new Verdict.Refused("ADDRESS_" + e.category(), e.getMessage());
        } catch (UnknownHostException e) {
            return new Verdict.Unresolvable(host);
        }
    }

    /**
     * Every address of {@code host} (an IP literal or a name resolved once), each allowed by the rules.
     *
     * @throws RefusedAddressException if any address is refused
     * @throws UnknownHostException    if the name does not resolve
     */
    public InetAddress[] resolveChecked(String host) throws UnknownHostException {
        InetAddress[] addresses = isIpLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)}
                : resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            AddressCategory category = WebhookAddressRules.classify(address);
            if (!WebhookAddressRules.allowed(category, localMode)) {
                throw new RefusedAddressException(host, category);
            }
        }
        return addresses;
    }

    /**
     * An absolute http(s) URL with a host and without user info.
     *
     * @throws InvalidUrlException with reason URL_INVALID, SCHEME_NOT_HTTP or HOST_INVALID
     */
    public static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new InvalidUrlException("URL_INVALID", "The URL must be an absolute URL of at most "
                    + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("URL_INVALID", "The URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrlException("SCHEME_NOT_HTTP", "The URL must be http or https.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidUrlException("HOST_INVALID", "The URL has no valid host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidUrlException("HOST_INVALID", "The URL must not carry user info.");
        }
        return uri;
    }

    /** The host without IPv6 brackets. */
    public static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IPv4 dotted quad or an IPv6 literal: turned into an address without any lookup. */
    public static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // only IPv6 literals contain ':' once the brackets are off
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
