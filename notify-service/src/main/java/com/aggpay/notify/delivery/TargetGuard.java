package com.aggpay.notify.delivery;

import com.aggpay.contracts.webhook.AddressCategory;
import com.aggpay.contracts.webhook.BoundedResolver;
import com.aggpay.contracts.webhook.WebhookAddressRules;
import com.aggpay.contracts.webhook.WebhookTargets;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;

/**
 * SSRF guard for merchant-supplied webhook URLs, by the platform's webhook address rules
 * ({@link WebhookAddressRules}): link-local and metadata addresses never, loopback and private ones only when
 * {@code allowPrivateTargets} (local mode).
 *
 * <p>Two checks, one resolution. {@link #check} judges the URL before anything is sent (http(s), a host, no user
 * info, an IP literal by its address). The guard is also the HTTP client's only {@link DnsResolver}: a host name is
 * resolved once, when the connection is opened, every address is checked, and the client connects only to the
 * addresses that were checked — there is no second lookup a rebinding name server could answer differently.
 * Redirects are never followed by the sender, so a public URL cannot bounce the call inward.
 */
public class TargetGuard implements DnsResolver, AutoCloseable {

    /** How long one lookup may take; past it the attempt fails as a network error and is retried later. */
    static final Duration LOOKUP_BOUND = Duration.ofSeconds(3);

    /** The guard's answer for one URL before sending. */
    public sealed interface Verdict {
        record Allowed(URI uri) implements Verdict {
        }

        /** Must never be called; {@code reason} is a short word for the security log. */
        record Forbidden(String reason) implements Verdict {
        }
    }

    private final WebhookTargets targets;
    private final AutoCloseable resources;

    public TargetGuard(boolean allowPrivateTargets) {
        this(allowPrivateTargets, new BoundedResolver(LOOKUP_BOUND, 64));
    }

    private TargetGuard(boolean allowPrivateTargets, BoundedResolver resolver) {
        this.targets = new WebhookTargets(allowPrivateTargets, resolver);
        this.resources = resolver;
    }

    /** With a resolver of the test's choosing, so the address rules can be tested without DNS. */
    public TargetGuard(boolean allowPrivateTargets, WebhookTargets.Resolver resolver) {
        this.targets = new WebhookTargets(allowPrivateTargets, resolver);
        this.resources = () -> { };
    }

    /** The URL's shape, and its address if the host is an IP literal; host names are judged at connect time. */
    public Verdict check(String url) {
        URI uri;
        try {
            uri = WebhookTargets.parse(url);
        } catch (WebhookTargets.InvalidUrlException e) {
            return new Verdict.Forbidden(e.reason());
        }
        String host = WebhookTargets.hostOf(uri);
        if (WebhookTargets.isIpLiteral(host)) {
            try {
                targets.resolveChecked(host);
            } catch (WebhookTargets.RefusedAddressException e) {
                return new Verdict.Forbidden(reason(e.category()));
            } catch (UnknownHostException e) {
                return new Verdict.Forbidden("HOST_INVALID");
            }
        }
        return new Verdict.Allowed(uri);
    }

    /**
     * The client's resolution: the host's addresses, every one allowed by the rules.
     *
     * @throws WebhookTargets.RefusedAddressException if any address is refused (nothing is connected to)
     * @throws UnknownHostException                   if the host does not resolve within the bound
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return targets.resolveChecked(host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never used for plain-HTTP/TLS delivery; never a reverse lookup
    }

    static String reason(AddressCategory category) {
        return "ADDRESS_" + category.name();
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
