package com.aggpay.contracts.service;

import com.aggpay.contracts.signing.OperatorToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived signed service tokens: how one platform service proves to another who is calling. The token has the
 * operator token's signed-claims form ({@link OperatorToken}) under its own key ({@code AGGPAY_SERVICE_TOKEN_KEY},
 * shared by the platform services only): {@code sub} = the calling service, {@code role} = the service it is meant for
 * (the audience), so a token seen on one hop cannot be replayed to another service.
 *
 * <p>Why tokens and not mutual TLS: the calls stay plain keep-alive HTTP (no handshake per connection, nothing for
 * Feign, Reactor Netty and the JDK clients to configure differently), the check costs one HMAC, and the token names the
 * caller, which a rule per path then allows or refuses. Each service mints one token per audience and reuses it for half
 * its life; a receiver caches the tokens it verified until they expire, so neither side signs per call.
 */
public final class ServiceTokens {

    /** The header that carries the token on every call between services. */
    public static final String HEADER = "X-Aggpay-Service";
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_CACHED = 256;

    private final OperatorToken codec;
    private final String self;
    private final Clock clock;
    private final Map<String, OperatorToken.Issued> minted = new ConcurrentHashMap<>();
    private final Map<String, OperatorToken.Claims> verified = new ConcurrentHashMap<>();

    public ServiceTokens(OperatorToken codec, String self, Clock clock) {
        this.codec = codec;
        this.self = self;
        this.clock = clock;
    }

    /** This service's name: the subject of the tokens it mints and the audience it accepts. */
    public String self() {
        return self;
    }

    /** A token from this service for {@code audience}, reused until half of its life has passed. */
    public String tokenFor(String audience) {
        OperatorToken.Issued current = minted.get(audience);
        if (current == null || clock.instant().isAfter(current.claims().expiresAt().minus(TTL.dividedBy(2)))) {
            current = issue(self, audience);
            minted.put(audience, current);
        }
        return current.token();
    }

    /** Mints a token for any caller; services use {@link #tokenFor}, tests use this to act as another service. */
    public OperatorToken.Issued issue(String caller, String audience) {
        return codec.issue(caller, audience, TTL);
    }

    /** The verified caller of a token meant for this service, or empty: missing, forged, expired or meant for another. */
    public Optional<String> callerOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        OperatorToken.Claims claims = verified.get(token);
        if (claims == null) {
            if (!(codec.verify(token) instanceof OperatorToken.Verification.Valid valid)) {
                return Optional.empty();
            }
            claims = valid.claims();
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        if (!now.isBefore(claims.expiresAt()) || !self.equals(claims.role())) {
            return Optional.empty();
        }
        return Optional.of(claims.subject());
    }
}
