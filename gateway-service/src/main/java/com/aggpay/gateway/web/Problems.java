package com.aggpay.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own RFC 9457 answers: {@code type, title, status, detail, code, request_id}. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * Writes to whatever response it is given: pass the signing response once the app is known, so the
     * rejection is signed like any other answer.
     */
    public static Mono<Void> write(ServerHttpResponse response, ErrorCode code, String detail, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status().value());
        body.put("detail", detail);
        body.put("code", code.name());
        body.put("request_id", requestId);
        byte[] bytes = JSON.writeValueAsBytes(body);

        response.setStatusCode(code.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        if (code.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 9110 wants a challenge on every 401: the operator console's bearer token, or the merchant schemes.
            headers.set(HttpHeaders.WWW_AUTHENTICATE, code == ErrorCode.OPERATOR_UNAUTHENTICATED
                    ? "Bearer" : "AGGPAY-HMAC-SHA256, AGGPAY-SHA256-RSA2048");
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
