package com.aggpay.notify.delivery;

import com.aggpay.notify.domain.AttemptResult;
import com.aggpay.notify.domain.EventState;
import com.aggpay.notify.domain.WebhookBody;
import com.aggpay.notify.merchant.AppInfo;
import com.aggpay.notify.merchant.AppLookup;
import com.aggpay.notify.merchant.MerchantDirectory;
import com.aggpay.notify.store.DeliveryAttemptRow;
import com.aggpay.notify.store.FinishedAttempt;
import com.aggpay.notify.store.Lease;
import com.aggpay.notify.store.WebhookEventRow;
import com.aggpay.notify.store.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's test button: one signed {@code webhook.test} event sent at once to an app's webhook URL (or another
 * URL the merchant names), under the same SSRF rules and with both signature forms, and recorded in the delivery log
 * like any event. One attempt, no retries, and the endpoint's state is left alone: a test neither disables nor
 * enables anything.
 */
public class WebhookTester {

    private static final Logger log = LoggerFactory.getLogger(WebhookTester.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    /** What the test came to. {@code httpStatus}, {@code error} and {@code responseExcerpt} may be null. */
    public record Outcome(boolean delivered, Integer httpStatus, long latencyMs, String error, String responseExcerpt,
                          String eventId) {
    }

    /** Why no test could be made. */
    public enum Refusal { APP_UNKNOWN, MERCHANT_SERVICE_UNAVAILABLE, URL_MISSING }

    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final MerchantDirectory directory;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final WebhookEvents events;
    private final Clock clock;

    public WebhookTester(MerchantDirectory directory, TargetGuard guard, WebhookSender sender, WebhookEvents events,
                         Clock clock) {
        this.directory = directory;
        this.guard = guard;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Blocks for at most the sender's request timeout.
     *
     * @param url null: the app's webhook URL
     * @throws Refused when the app is not this merchant's, merchant-service cannot say, or there is no URL
     */
    public Outcome send(String mchNo, String appId, String url) {
        AppLookup lookup = directory.find(appId);
        if (lookup instanceof AppLookup.Unavailable) {
            throw new Refused(Refusal.MERCHANT_SERVICE_UNAVAILABLE);
        }
        if (!(lookup instanceof AppLookup.Found found) || !mchNo.equals(found.app().mchNo())) {
            throw new Refused(Refusal.APP_UNKNOWN);
        }
        AppInfo app = found.app();
        String target = url != null && !url.isBlank() ? url : app.webhookUrl();
        if (target == null || target.isBlank()) {
            throw new Refused(Refusal.URL_MISSING);
        }
        Instant now = clock.instant();
        WebhookEventRow event = testEvent(mchNo, appId, target, now);
        Lease lease = new Lease("test#" + UUID.randomUUID(), now.plus(LEASE));
        events.insertNew(List.of(event), lease);
        Instant started = clock.instant();
        AttemptResult result = attempt(event, target, app.webhookSecret());
        Duration took = Duration.between(started, clock.instant());
        DeliveryAttemptRow attempt = Deliverer.attemptRow(event, result, event.notifyUrl, null, started, took);
        FinishedAttempt finished = result instanceof AttemptResult.Delivered
                ? FinishedAttempt.delivered(event.eventId, lease.owner(), attempt)
                : FinishedAttempt.gaveUp(event.eventId, lease.owner(), attempt.error, attempt);
        events.recordAll(List.of(finished), clock.instant());
        log.info("event=WEBHOOK_TEST_SENT mch_no={} app_id={} event_id={} outcome={} status={} duration_ms={}", mchNo,
                appId, event.eventId, result.outcome(), attempt.httpStatus, took.toMillis());
        return new Outcome(result instanceof AttemptResult.Delivered, attempt.httpStatus, took.toMillis(),
                attempt.error, attempt.responseExcerpt, event.eventId);
    }

    private AttemptResult attempt(WebhookEventRow event, String url, String secret) {
        if (secret == null || secret.isBlank()) {
            return new AttemptResult.Misconfigured("WEBHOOK_SECRET_MISSING");
        }
        TargetGuard.Verdict verdict = guard.check(url);
        if (verdict instanceof TargetGuard.Verdict.Forbidden forbidden) {
            return new AttemptResult.Forbidden(forbidden.reason());
        }
        return sender.send(((TargetGuard.Verdict.Allowed) verdict).uri(), event.eventId, event.body, secret).join();
    }

    private static WebhookEventRow testEvent(String mchNo, String appId, String url, Instant now) {
        WebhookEventRow row = new WebhookEventRow();
        row.eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        row.eventType = "WebhookTest";
        row.webhookType = WebhookBody.TEST_TYPE;
        row.mchNo = mchNo;
        row.appId = appId;
        row.notifyUrl = url.length() <= 1024 ? url : url.substring(0, 1024);
        row.endpoint = Endpoint.keyOf(row.notifyUrl, appId);
        row.body = WebhookBody.test(row.eventId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC).toString(), appId);
        row.state = EventState.PENDING.name();
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }
}
