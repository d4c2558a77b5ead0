package com.aggpay.gateway.web;

import com.aggpay.gateway.auth.MerchantAuthFilter;
import com.aggpay.gateway.auth.ResponseSigner;
import com.aggpay.gateway.auth.SignedResponse;
import com.aggpay.gateway.limits.BodySizeLimitFilter;
import java.net.ConnectException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns failures outside the auth filter (no route, downstream down or slow, bugs) into the same problem+json
 * as the gateway's own rejections; signed when the request's app is known. Runs before Boot's handler (-1).
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Clock clock;

    public GatewayErrorHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        // A body cut at its limit fails whatever was reading it (the forwarding client, a codec): still a 413.
        boolean bodyCut = exchange.getAttribute(BodySizeLimitFilter.EXCEEDED_ATTRIBUTE) != null;
        ErrorCode code = bodyCut ? ErrorCode.BODY_TOO_LARGE : classify(error);
        String requestId = RequestIds.of(exchange);
        try (var ignored = MDC.putCloseable("request_id", requestId)) {
            if (code == ErrorCode.INTERNAL_ERROR) {
                log.error("unexpected gateway failure", error);
            } else if (code.status().is5xxServerError()) {
                log.warn("upstream failure {}: {}", code, error.toString());
            }
        }
        // Nothing a downstream may have set before it failed belongs in our answer.
        response.getHeaders().clear();
        if (bodyCut) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close"); // the rest of the body is never read
        }
        ResponseSigner signer = exchange.getAttribute(MerchantAuthFilter.SIGNER_ATTRIBUTE);
        ServerHttpResponse target = signer == null ? response : new SignedResponse(response, signer, clock);
        return Problems.write(target, code, detail(code), requestId);
    }

    static ErrorCode classify(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            return byStatus(statusError.getStatusCode());
        }
        if (error instanceof DataBufferLimitException) {
            return ErrorCode.BODY_TOO_LARGE;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return ErrorCode.UPSTREAM_TIMEOUT;
            }
            // a reset mid-exchange surfaces as a plain IOException (netty's native one): the downstream is unwell
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof reactor.netty.http.client.PrematureCloseException
                    || t instanceof java.io.IOException) {
                return ErrorCode.UPSTREAM_UNAVAILABLE;
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    private static ErrorCode byStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 502, 503 -> ErrorCode.UPSTREAM_UNAVAILABLE;
            case 504 -> ErrorCode.UPSTREAM_TIMEOUT;
            default -> status.is4xxClientError() ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String detail(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case BODY_TOO_LARGE -> "The request body is too large.";
            case UPSTREAM_UNAVAILABLE -> "A platform service is unavailable; retry later.";
            case UPSTREAM_TIMEOUT -> "A platform service did not answer in time.";
            case INVALID_REQUEST -> "The request is invalid.";
            default -> "An unexpected error occurred.";
        };
    }
}
