package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import feign.FeignException;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what order-service or notify-service answered into the portal's problems: 404 NOT_FOUND, 400
 * INVALID_REQUEST naming the same parameter, a 409 business refusal under its own code, and anything else (no
 * answer, 5xx, or a refusal of our own call) 503 DEPENDENCY_UNAVAILABLE.
 */
final class Downstream {

    private static final Logger log = LoggerFactory.getLogger(Downstream.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The refund refusals the portal shows as they are (API.md, "Other calls"). */
    private static final Set<ErrorCode> CONFLICTS = Set.of(ErrorCode.ORDER_NOT_PAID, ErrorCode.REFUND_EXCEEDS_PAID,
            ErrorCode.MCH_REFUND_NO_CONFLICT);

    private Downstream() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (FeignException e) {
            throw translate(service, e);
        }
    }

    private static ApiException translate(String service, FeignException e) {
        JsonNode problem = problem(e);
        String param = text(problem, "param");
        String detail = text(problem, "detail");
        switch (e.status()) {
            case 404 -> {
                return new ApiException(ErrorCode.NOT_FOUND, detail != null ? detail : "Not found.", param);
            }
            case 400 -> {
                return new ApiException(ErrorCode.INVALID_REQUEST, detail != null ? detail : "Invalid request.",
                        param);
            }
            case 409 -> {
                ErrorCode code = conflict(text(problem, "code"));
                return new ApiException(code, detail != null ? detail : code.title(), param);
            }
            default -> {
                // a 401/403 here is our own misconfiguration (token key, allow rule): the caller can only wait
                log.warn("event=PORTAL_DEPENDENCY_FAILED service={} status={} error={}", service, e.status(),
                        e.getClass().getSimpleName());
                return new ApiException(ErrorCode.DEPENDENCY_UNAVAILABLE,
                        "A platform service is unavailable; try again shortly.");
            }
        }
    }

    private static ErrorCode conflict(String code) {
        for (ErrorCode candidate : CONFLICTS) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        return ErrorCode.STATE_CONFLICT;
    }

    private static JsonNode problem(FeignException e) {
        try {
            String body = e.contentUTF8();
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String text(JsonNode problem, String field) {
        JsonNode value = problem == null ? null : problem.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
