package com.aggpay.gateway.limits;

import com.aggpay.gateway.config.GatewayProperties;
import com.aggpay.gateway.web.ErrorCode;
import com.aggpay.gateway.web.Problems;
import com.aggpay.gateway.web.RequestIds;
import com.aggpay.gateway.web.RoutePaths;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every request's body has a limit by route ({@link GatewayProperties.BodyLimits}). A declared Content-Length
 * over it is answered 413 without a byte of the body being kept; a body without one (chunked) is counted as it
 * streams and cut at the limit, so neither the gateway nor a service behind it ever holds more than the limit.
 * Runs on every request, routed or not, right after the request id is fixed.
 * <p>
 * The rest of a refused body is read and thrown away, up to {@link #DISCARD_AT_MOST}, before the connection is
 * closed: closing a socket with unread data resets it, and the reset can destroy the 413 before the client reads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {

    /** Exchange attribute set when a streaming body was cut: whatever failed next, the answer is a 413. */
    public static final String EXCEEDED_ATTRIBUTE = BodySizeLimitFilter.class.getName() + ".exceeded";
    /** Past this much unwanted data the connection is closed at once, answer read or not. */
    static final long DISCARD_AT_MOST = 8L * 1024 * 1024;

    private final GatewayProperties.BodyLimits limits;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.limits = properties.bodyLimits();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limits.forPath(RoutePaths.of(exchange)).toBytes();
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            // A client waiting for "100 Continue" has sent nothing yet: answer at once, and it never sends the body.
            boolean discard = declared - limit <= DISCARD_AT_MOST
                    && !"100-continue".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.EXPECT));
            Mono<Void> before = discard ? discard(request.getBody()) : Mono.empty();
            return before.then(Mono.defer(() -> tooLarge(exchange, limit)));
        }
        return chain.filter(exchange.mutate().request(new Counted(request, limit, exchange)).build());
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return Problems.write(exchange.getResponse(), ErrorCode.BODY_TOO_LARGE,
                "The request body exceeds " + limit + " bytes.", RequestIds.of(exchange));
    }

    private static Mono<Void> discard(Flux<DataBuffer> body) {
        return body.map(buffer -> {
                    int size = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return (long) size;
                })
                .scan(Long::sum)
                .takeUntil(total -> total > DISCARD_AT_MOST)
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /** Passes the body on up to the limit; past it, drops the rest (up to the discard bound), then fails. */
    private static final class Counted extends ServerHttpRequestDecorator {

        private final long limit;
        private final ServerWebExchange exchange;

        Counted(ServerHttpRequest delegate, long limit, ServerWebExchange exchange) {
            super(delegate);
            this.limit = limit;
            this.exchange = exchange;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                Flux<DataBuffer> counted = super.getBody().handle((buffer, sink) -> {
                    long total = seen.addAndGet(buffer.readableByteCount());
                    if (total <= limit) {
                        sink.next(buffer);
                        return;
                    }
                    DataBufferUtils.release(buffer);
                    exceeded();
                    if (total - limit > DISCARD_AT_MOST) {
                        sink.error(new BodyTooLarge(limit));
                    }
                });
                return counted.concatWith(Flux.defer(() ->
                        seen.get() > limit ? Flux.error(new BodyTooLarge(limit)) : Flux.empty()));
            });
        }

        private void exceeded() {
            exchange.getAttributes().put(EXCEEDED_ATTRIBUTE, limit);
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}
