package com.aggpay.order.web;

import com.aggpay.contracts.http.AggpayHeaders;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** The one place errors become RFC 9457 problem documents with {@code code}, {@code param} and {@code request_id}. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = problem(e.code(), e.param(), e.getMessage());
        if (e.body() instanceof ProblemMembers members) {
            members.members().forEach(problem::setProperty);
        } else if (e.body() != null) {
            problem.setProperty("order", e.body());
        }
        return respond(e.code(), problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // valid JSON with a value of the wrong type in a field (12.99 or "100" for amount): name the field
        if (e.getCause() instanceof DatabindException wrongType && !wrongType.getPath().isEmpty()
                && wrongType.getPath().get(0).getPropertyName() != null) {
            String field = wrongType.getPath().get(0).getPropertyName();
            return respond(ErrorCode.PARAM_INVALID, problem(ErrorCode.PARAM_INVALID, field,
                    "'" + dotted(wrongType.getPath()) + "' has the wrong JSON type for this field (e.g. amount "
                            + "takes a JSON integer only); see the API reference."));
        }
        return respond(ErrorCode.BODY_MALFORMED, problem(ErrorCode.BODY_MALFORMED, null,
                "The body could not be read as the expected JSON object."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return respond(ErrorCode.PARAM_REQUIRED, problem(ErrorCode.PARAM_REQUIRED, e.getParameterName(),
                "Query parameter '" + e.getParameterName() + "' is required."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, problem(ErrorCode.METHOD_NOT_ALLOWED, null,
                e.getMethod() + " is not allowed here."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ErrorCode.MEDIA_TYPE_UNSUPPORTED, problem(ErrorCode.MEDIA_TYPE_UNSUPPORTED, null,
                "Send the body as application/json."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ErrorCode.PARAM_INVALID, problem(ErrorCode.PARAM_INVALID, e.getName(),
                "'" + e.getName() + "' has an invalid value."));
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

    /** {@code channel_extra.openid}, {@code items[2]}: the offending value's place in the body. */
    private static String dotted(List<JacksonException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
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
