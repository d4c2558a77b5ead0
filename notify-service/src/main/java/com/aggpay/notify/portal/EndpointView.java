package com.aggpay.notify.portal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A merchant's webhook endpoint (one URL) as the portal's banner and the operators' list show it. {@code state}:
 * ACTIVE, FAILING (its last attempts failed, not disabled) or DISABLED ({@code disabledReason} GONE or
 * FAILING_TOO_LONG); {@code pendingEvents}: events still to be delivered to it, held ones included;
 * {@code lastErrors}: its newest failed attempts, newest first, at most five.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EndpointView(String mchNo, String url, String state, String disabledReason, Instant disabledAt,
                           Instant failingSince, int consecutiveFailures, long pendingEvents,
                           List<LastError> lastErrors) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LastError(Instant at, Integer httpStatus, String outcome, String error, String responseExcerpt) {
    }

    /** The answer to enabling an endpoint: {@code replayed} held events made due now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Enabled(String url, String state, int replayed) {
    }

    /** The answer to a test send. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestSent(boolean delivered, Integer httpStatus, long latencyMs, String error, String responseExcerpt,
                           String eventId) {
    }

    /** {@code {"mch_no","url"}}: which endpoint to enable. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EnableRequest(String mchNo, String url) {
    }

    /** {@code {"mch_no","app_id","url"}}: what to test; {@code url} null means the app's webhook URL. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestRequest(String mchNo, String appId, String url) {
    }
}
