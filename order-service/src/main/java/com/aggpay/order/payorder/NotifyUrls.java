package com.aggpay.order.payorder;

import com.aggpay.contracts.webhook.BoundedResolver;
import com.aggpay.contracts.webhook.WebhookTargets;
import com.aggpay.order.OrderProperties;
import com.aggpay.order.payorder.domain.Violation;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A merchant's notify_url at create, by the webhook address rules (API.md): http(s) only; an IP literal judged as
 * written; a host name resolved once, within {@link #LOOKUP_BOUND}, and refused if any address is refused or if it
 * does not resolve. notify-service checks again at every delivery and connects only to the address it checked.
 */
@Component
public class NotifyUrls implements DisposableBean {

    static final Duration LOOKUP_BOUND = Duration.ofSeconds(2);

    private final BoundedResolver resolver;
    private final WebhookTargets targets;

    public NotifyUrls(OrderProperties properties) {
        this.resolver = new BoundedResolver(LOOKUP_BOUND, 16);
        this.targets = new WebhookTargets(properties.order().allowPrivateTargets(), resolver);
    }

    public Optional<Violation> check(String notifyUrl) {
        WebhookTargets.Verdict verdict = targets.check(notifyUrl);
        if (verdict instanceof WebhookTargets.Verdict.Refused refused) {
            return invalid(refused.reason().startsWith("ADDRESS_")
                    ? "notify_url must not point at a " + refused.reason().substring("ADDRESS_".length())
                            .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " address" + scope()
                    : "notify_url must be an absolute http(s) URL: " + refused.detail());
        }
        if (verdict instanceof WebhookTargets.Verdict.Unresolvable u) {
            return invalid("notify_url's host " + u.host() + " does not resolve.");
        }
        return Optional.empty();
    }

    private String scope() {
        return targets.localMode() ? " (link-local, metadata and reserved addresses are never reached)."
                : " (webhooks reach public addresses only).";
    }

    private static Optional<Violation> invalid(String detail) {
        return Optional.of(new Violation(Violation.Kind.INVALID, "notify_url", detail));
    }

    @Override
    public void destroy() {
        resolver.close();
    }
}
