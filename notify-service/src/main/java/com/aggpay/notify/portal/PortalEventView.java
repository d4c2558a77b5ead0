package com.aggpay.notify.portal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A webhook event as the portal and the operators' list show it, with its whole delivery log; never a secret or a
 * signature. {@code type} is the webhook type merchants see; {@code body} the exact JSON sent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PortalEventView(String eventId, String type, String mchNo, String appId, String notifyUrl,
                              String state, int attemptCount, Instant nextAttemptAt, Instant deliveredAt,
                              String lastError, Instant createdAt, String body, List<Attempt> attempts) {

    /**
     * One attempt. {@code httpStatus} null when no answer came; {@code responseExcerpt} the first 256 bytes of the
     * answer's body as text, null when it had none (or the attempt predates recording it).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attempt(int attemptNo, String url, Instant startedAt, long durationMs, Integer httpStatus,
                          String outcome, String error, String responseExcerpt) {
    }

    /** One page, newest first; {@code nextCursor} null on the last. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(List<PortalEventView> items, String nextCursor) {
    }
}
