package com.aggpay.gateway.web;

import com.aggpay.contracts.http.AggpayHeaders;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request once the gateway is done with it: method, path (never the query, which may carry a wallet's
 * authorisation code), status and duration, under the request id and, in the log context, the trace and span ids of the
 * request's server span. It is the gateway's end of a trace in the logs: the services behind it log the same trace id
 * (contracts' AccessLogFilter). The probes that kubelets and start scripts poll are left out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLogWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("aggpay.access");
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();
    private static final Set<String> PROBES = Set.of("/livez", "/readyz");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (PROBES.contains(exchange.getRequest().getPath().value()) || !log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        // the request's observation lives in the Reactor context; it is put back on the thread that logs
        return Mono.deferContextual(context -> chain.filter(exchange).doFinally(signal -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                log(exchange, signal, (System.nanoTime() - started) / 1_000_000);
            }
        }));
    }

    private static void log(ServerWebExchange exchange, SignalType signal, long durationMs) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        MDC.put(AggpayHeaders.MDC_REQUEST_ID, RequestIds.of(exchange));
        try {
            // an error leaves the status to the error handler, which answers after this filter
            log.info("event=HTTP_REQUEST method={} path={} status={} duration_ms={}",
                    exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                    signal == SignalType.ON_COMPLETE && status != null ? String.valueOf(status.value())
                            : signal.name().toLowerCase(Locale.ROOT), durationMs);
        } finally {
            MDC.remove(AggpayHeaders.MDC_REQUEST_ID);
        }
    }
}
