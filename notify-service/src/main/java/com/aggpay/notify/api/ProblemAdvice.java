package com.aggpay.notify.api;

import com.aggpay.contracts.http.AggpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where errors become RFC 9457 problem details with {@code code}, {@code param}, {@code request_id}. */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.code(), e.param(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ErrorCode.INVALID_REQUEST, e.getName(), "Invalid value for " + e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(ErrorCode.INVALID_REQUEST, e.getParameterName(), "Missing " + e.getParameterName());
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return problem(ErrorCode.NOT_FOUND, null, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("event=UNHANDLED_ERROR", e);
        // nothing of the exception goes out: it may carry SQL, URLs or worse
        return problem(ErrorCode.INTERNAL_ERROR, null, null);
    }

    private static ResponseEntity<ProblemDetail> problem(ErrorCode code, String param, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail == null ? code.title() : detail);
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        problem.setProperty("param", param);
        problem.setProperty("request_id", MDC.get(AggpayHeaders.MDC_REQUEST_ID));
        return ResponseEntity.status(code.status()).body(problem);
    }
}
