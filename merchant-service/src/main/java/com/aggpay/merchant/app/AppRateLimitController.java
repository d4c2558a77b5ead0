package com.aggpay.merchant.app;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.aggpay.contracts.service.ServiceAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/admin/apps/{app_id}/rate-limit} {@code {"per_second":100,"burst":200}} (API.md), operators only. */
@RestController
class AppRateLimitController {

    /**
     * Raw JSON nodes, so only JSON integers pass: Jackson would otherwise turn {@code "100"}, {@code 1e2} or
     * {@code 12.9} into an int without a word.
     */
    record RateLimitRequest(JsonNode perSecond, JsonNode burst) {
    }

    private final AppRateLimits limits;

    AppRateLimitController(AppRateLimits limits) {
        this.limits = limits;
    }

    @PutMapping("/api/admin/apps/{app_id}/rate-limit")
    AppRateLimits.AppRateLimitView set(@PathVariable("app_id") String appId,
                                       @RequestBody(required = false) RateLimitRequest request,
                                       HttpServletRequest http) {
        String operator = ServiceAuthFilter.operator(http);
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "A JSON body {\"per_second\",\"burst\"} is required.");
        }
        RateLimit.Checked checked = RateLimit.of(integer(request.perSecond(), "per_second"),
                integer(request.burst(), "burst"));
        if (checked instanceof RateLimit.Checked.Invalid invalid) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, invalid.detail(), invalid.param());
        }
        AppRateLimits.Change change = limits.set(operator, appId, ((RateLimit.Checked.Valid) checked).limit());
        if (change instanceof AppRateLimits.Change.Done done) {
            return done.limit();
        }
        throw new ApiException(ErrorCode.APP_UNKNOWN, "No app with this app_id.", "app_id");
    }

    /** A JSON integer within long range; anything else is a 400 naming the field. */
    private static long integer(JsonNode value, String param) {
        if (value == null || value.isNull()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, param + " is required.", param);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, param + " must be a JSON integer.", param);
        }
        return value.longValue();
    }
}
