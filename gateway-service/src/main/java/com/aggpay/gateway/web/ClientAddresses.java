package com.aggpay.gateway.web;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling: the address a client's throttles, security events and the services behind the gateway see
 * ({@code X-Aggpay-Client-Ip}).
 *
 * <p>Without trusted proxies (locally, and wherever clients reach the gateway directly) it is the socket's peer, and
 * {@code X-Forwarded-For} is ignored: any client can write it. Behind an Ingress or load balancer every peer is the
 * proxy, so every client would share one address (one login throttle for everybody); there the proxies' networks are
 * named in {@code AGGPAY_TRUSTED_PROXIES} (CIDRs, comma-separated) and, for a request whose peer is one of them, the
 * client is the address the outermost trusted proxy appended to {@code X-Forwarded-For}, counted from the right
 * ({@code aggpay.gateway.trusted-proxy-hops}, 1 for one Ingress): what a client wrote to the left of it is never
 * believed.
 */
@Component
public class ClientAddresses {

    static final String ATTRIBUTE = ClientAddresses.class.getName();

    private final List<IpSubnetFilterRule> trustedProxies;
    private final RemoteAddressResolver behindProxies;

    public ClientAddresses(@Value("${aggpay.gateway.trusted-proxies:}") List<String> trustedProxies,
                           @Value("${aggpay.gateway.trusted-proxy-hops:1}") int hops) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty())
                .map(ClientAddresses::subnet).toList();
        this.behindProxies = XForwardedRemoteAddressResolver.maxTrustedIndex(hops);
    }

    /** Resolves the client of this request once (RequestContextWebFilter) and keeps it on the exchange. */
    Optional<String> resolve(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        InetSocketAddress client = peer != null && trustedProxies.stream().anyMatch(rule -> rule.matches(peer))
                ? behindProxies.resolve(exchange) : peer;
        Optional<String> address = client == null || client.getAddress() == null ? Optional.empty()
                : Optional.of(client.getAddress().getHostAddress());
        address.ifPresent(a -> exchange.getAttributes().put(ATTRIBUTE, a));
        return address;
    }

    /** The client of a request this gateway took in; "-" when there is none (no socket, e.g. in a unit test). */
    public static String of(ServerWebExchange exchange) {
        String resolved = exchange.getAttribute(ATTRIBUTE);
        if (resolved != null) {
            return resolved;
        }
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return peer == null || peer.getAddress() == null ? "-" : peer.getAddress().getHostAddress();
    }

    private static IpSubnetFilterRule subnet(String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1])
                    : parts[0].contains(":") ? 128 : 32;
            return new IpSubnetFilterRule(parts[0], prefix, IpFilterRuleType.ACCEPT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aggpay.gateway.trusted-proxies: not a CIDR: " + cidr, e);
        }
    }
}
