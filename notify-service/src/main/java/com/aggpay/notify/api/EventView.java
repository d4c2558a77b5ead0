package com.aggpay.notify.api;

import com.aggpay.notify.store.DeliveryAttemptRow;
import com.aggpay.notify.store.WebhookEventRow;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An event as the portal and operators see it: the body that is sent, never a secret or a signature. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventView(String eventId, String eventType, String webhookType, String mchNo, String appId,
                        String notifyUrl, String state, int attemptCount, Instant nextAttemptAt, Instant deliveredAt,
                        String lastError, Instant createdAt, Instant updatedAt, String body,
                        List<AttemptView> attempts) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AttemptView(int attemptNo, String url, Instant startedAt, long durationMs, Integer httpStatus,
                              String outcome, String error) {

        static AttemptView of(DeliveryAttemptRow a) {
            return new AttemptView(a.attemptNo, a.url, a.startedAt, a.durationMs, a.httpStatus, a.outcome, a.error);
        }
    }

    /** With body and attempts when {@code attempts} is given; a list entry otherwise. */
    static EventView of(WebhookEventRow e, List<DeliveryAttemptRow> attempts) {
        return new EventView(e.eventId, e.eventType, e.webhookType, e.mchNo, e.appId, e.notifyUrl, e.state,
                e.attemptCount, e.nextAttemptAt, e.deliveredAt, e.lastError, e.createdAt, e.updatedAt, e.body,
                attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
    }
}
