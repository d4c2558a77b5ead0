package com.aggpay.router.web;

import com.aggpay.contracts.http.AggpayHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as RFC 9457 problem documents with {@code code}, {@code param} and {@code request_id}. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(e.code(), e.param(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(ErrorCode.BODY_MALFORMED, null, "The body could not be read as the expected JSON object.");
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(Exception e) {
        return respond(ErrorCode.NOT_FOUND, null, "No such resource.");
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, null, "This method is not allowed here.");
    }

    /** A path or query value of the wrong type (e.g. {@code ?limit=abc}). */
    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(org.springframework.beans.TypeMismatchException e) {
        return respond(ErrorCode.PARAM_INVALID, e.getPropertyName(), "A parameter has a value of the wrong type.");
    }

    /** A body Spring itself could not take apart (multipart and the like): the client's fault, never a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(Exception e) {
        return respond(ErrorCode.REQUEST_INVALID, null, "The request body could not be read.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse rejected && rejected.getStatusCode().is4xxClientError()) {
            // Spring's own refusals of a malformed request (media type, missing header, bad Accept): keep their 4xx
            return respond(clientError(rejected.getStatusCode().value()), null, "The request was refused: "
                    + rejected.getStatusCode().value() + ".");
        }
        log.error("unhandled error", e);
        return respond(ErrorCode.INTERNAL_ERROR, null, "Unexpected error.");
    }

    private static ErrorCode clientError(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.MEDIA_TYPE_UNSUPPORTED;
            default -> ErrorCode.REQUEST_INVALID;
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ErrorCode code, String param, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        if (param != null) {
            problem.setProperty("param", param);
        }
        problem.setProperty("request_id", MDC.get(AggpayHeaders.MDC_REQUEST_ID));
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
