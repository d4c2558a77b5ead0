package com.aggpay.order.openapi;

import com.aggpay.order.payorder.PayOrderView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer in the merchant API's document (API.md, "Errors"). Documentation only: the answers
 * themselves are Spring's {@code ProblemDetail}s built by {@code ProblemAdvice} and the gateway, whose extra members
 * a generated schema of {@code ProblemDetail} would show as one {@code properties} map.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json.")
record Problem(
        @Schema(description = "Problem type URI; about:blank or a urn:aggpay:problem URN.", example = "about:blank")
        String type,
        @Schema(description = "Short human-readable summary of the code.", example = "A field has an invalid value.")
        String title,
        @Schema(description = "The HTTP status.", example = "400", requiredMode = Schema.RequiredMode.REQUIRED)
        int status,
        @Schema(description = "What went wrong with this request.")
        String detail,
        @Schema(description = "The request path.")
        String instance,
        @Schema(description = "Stable machine-readable error code (UPPER_SNAKE); branch on this, not on the title.",
                example = "PARAM_INVALID", requiredMode = Schema.RequiredMode.REQUIRED)
        String code,
        @Schema(description = "The offending field or parameter, when there is one.", example = "amount")
        String param,
        @Schema(description = "The request id, for support.")
        String requestId,
        @Schema(description = "The order as it now stands, on the answers that concern a stored order (503 after "
                + "the order was stored, 409 ORDER_ALREADY_PAID).")
        PayOrderView order) {
}
