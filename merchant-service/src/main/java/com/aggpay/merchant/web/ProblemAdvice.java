package com.aggpay.merchant.web;

import com.aggpay.contracts.http.AggpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import redis.clients.jedis.exceptions.JedisException;

/** The one place where failures become {@code application/problem+json} with {@code code}, {@code param}, {@code request_id}. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> answer = problem(e.code(), e.getMessage(), e.param());
        if (e.retryAfter() == null) {
            return answer;
        }
        // Whole seconds (RFC 9110), rounded up so a client that waits exactly this long is not refused again.
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
    }

    /** Redis holds the login throttle and the token revocations: without it, refuse rather than guess. */
    @ExceptionHandler(JedisException.class)
    ResponseEntity<ProblemDetail> redisUnavailable(JedisException e) {
        log.warn("redis unavailable: {}", e.toString());
        return problem(ErrorCode.DEPENDENCY_UNAVAILABLE, "A platform dependency is unavailable; try again shortly.",
                null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        var field = e.getBindingResult().getFieldError();
        String param = field == null ? null : field.getField();
        String detail = field == null ? "The request is invalid." : param + " " + field.getDefaultMessage();
        return problem(ErrorCode.INVALID_REQUEST, detail, param);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ErrorCode.INVALID_REQUEST, e.getName() + " has the wrong format.", e.getName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON of the expected shape.", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(ErrorCode.NOT_FOUND, "No such resource.", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // The exception may carry internals: log it, show the caller only the request id to quote.
        log.error("unexpected failure", e);
        return problem(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred.", null);
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorCode code, String detail, String param) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(code.status(), detail);
        body.setType(java.net.URI.create(code.type()));
        body.setTitle(code.title());
        body.setProperty("code", code.name());
        if (param != null) {
            body.setProperty("param", param);
        }
        body.setProperty("request_id", MDC.get(AggpayHeaders.MDC_REQUEST_ID));
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
