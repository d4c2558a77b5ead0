package com.aggpay.gateway.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An app's request rate (API.md "Rate limits"): {@code perSecond} sustained, up to {@code burst} at once.
 * merchant-service sends it as {@code "rate_limit":{"per_second":N,"burst":M}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RateLimit(@JsonProperty("per_second") Long perSecond, @JsonProperty("burst") Long burst) {

    /** A missing member, or a limit that admits nothing, is a data fault: the caller falls back to the default. */
    public boolean usable() {
        return perSecond != null && burst != null && perSecond > 0 && burst > 0;
    }
}
