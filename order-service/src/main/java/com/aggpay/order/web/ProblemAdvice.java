package com.aggpay.order.web;

import com.aggpay.contracts.http.AggpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place errors become RFC 9457 problem documents with {@code code}, {@code param} and {@code request_id}. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = problem(e.code(), e.param(), e.getMessage());
        if (e.body() != null) {
            problem.setProperty("order", e.body());
        }
        return respond(e.code(), problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(ErrorCode.BODY_MALFORMED, problem(ErrorCode.BODY_MALFORMED, null,
                "The body could not be read as the expected JSON object."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return respond(ErrorCode.PARAM_REQUIRED, problem(ErrorCode.PARAM_REQUIRED, e.getParameterName(),
                "Query parameter '" + e.getParameterName() + "' is required."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(ErrorCode.ORDER_NOT_FOUND, problem(ErrorCode.ORDER_NOT_FOUND, null, "No such resource."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unhandled error", e);
        return respond(ErrorCode.INTERNAL_ERROR, problem(ErrorCode.INTERNAL_ERROR, null, "Unexpected error."));
    }

    static ProblemDetail problem(ErrorCode code, String param, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        if (param != null) {
            problem.setProperty("param", param);
        }
        problem.setProperty("request_id", MDC.get(AggpayHeaders.MDC_REQUEST_ID));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ErrorCode code, ProblemDetail problem) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
