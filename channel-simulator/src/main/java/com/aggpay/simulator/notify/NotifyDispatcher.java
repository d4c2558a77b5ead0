package com.aggpay.simulator.notify;

import com.aggpay.simulator.SimProperties;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends notifications asynchronously and retries them on {@code sim.notify.retry-delays} until the receiver
 * accepts, like the wallets do. Applies DROP_NOTIFY and DUPLICATE_NOTIFY.
 */
@Component
public class NotifyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotifyDispatcher.class);

    private final Faults faults;
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "sim-notify-retry");
        t.setDaemon(true);
        return t;
    });

    public NotifyDispatcher(Faults faults, SimProperties properties) {
        this.faults = faults;
        this.retryDelays = properties.notifications().retryDelays();
        this.timeout = properties.notifications().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public void dispatch(String account, Delivery delivery) {
        if (faults.hits(account, FaultMode.DROP_NOTIFY)) {
            log.info("notification dropped by fault: {}", delivery.description());
            return;
        }
        int copies = faults.hits(account, FaultMode.DUPLICATE_NOTIFY) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            attempt(delivery, 0);
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", delivery.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
            delivery.headers().get().forEach(request::header);
        } catch (RuntimeException e) {
            log.warn("notification not sendable ({}): {}", delivery.description(), e.toString());
            return;
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            boolean accepted = error == null
                    && delivery.accepted().test(new Delivery.Answer(response.statusCode(), response.body()));
            if (accepted) {
                log.debug("notification accepted on attempt {}: {}", attempt + 1, delivery.description());
                return;
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            if (attempt >= retryDelays.size()) {
                log.warn("notification abandoned after {} attempts ({}): {}", attempt + 1, why, delivery.description());
                return;
            }
            Duration delay = retryDelays.get(attempt);
            log.info("notification attempt {} not accepted ({}), retry in {}: {}", attempt + 1, why, delay,
                    delivery.description());
            retries.schedule(() -> attempt(delivery, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        });
    }
}
