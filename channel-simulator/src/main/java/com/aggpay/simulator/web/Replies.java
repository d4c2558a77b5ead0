package com.aggpay.simulator.web;

import com.aggpay.simulator.SimProperties;
import com.aggpay.simulator.fault.Fault;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Applies the transport-level faults to an upstream API call. Answers are {@link DeferredResult}s so that a SLOW
 * or held (TIMEOUT_AFTER_ACCEPT) call costs no Tomcat thread while it waits.
 */
@Component
public class Replies {

    private final Faults faults;
    private final long holdMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-reply-timer");
        t.setDaemon(true);
        return t;
    });

    public Replies(Faults faults, SimProperties properties) {
        this.faults = faults;
        this.holdMillis = properties.holdTimeout().toMillis();
    }

    /**
     * @param account     the upstream account the call is for (null when unknown: no faults apply)
     * @param create      whether the call opens a trade (ERROR_5XX and TIMEOUT_AFTER_ACCEPT only hit those)
     * @param work        does the call and gives its answer (it has created the trade if it succeeded)
     * @param serverError the protocol's own 500 answer
     */
    public DeferredResult<ResponseEntity<byte[]>> answer(String account, boolean create,
            Supplier<ResponseEntity<byte[]>> work, Supplier<ResponseEntity<byte[]>> serverError) {
        DeferredResult<ResponseEntity<byte[]>> result = new DeferredResult<>(holdMillis + 60_000L);
        if (faults.hits(account, FaultMode.DOWN)) {
            result.setResult(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
            return result;
        }
        ResponseEntity<byte[]> answer = work.get();
        boolean accepted = answer.getStatusCode().is2xxSuccessful();
        if (create && accepted && faults.hits(account, FaultMode.TIMEOUT_AFTER_ACCEPT)) {
            // The trade exists; the caller never learns it. The connection is dropped after the hold.
            result = new DeferredResult<>(holdMillis, ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).build());
            return result;
        }
        if (create && accepted && faults.hits(account, FaultMode.ERROR_5XX)) {
            answer = serverError.get();
        }
        Fault slow = faults.fault(account, FaultMode.SLOW);
        if (slow != null && faults.hits(account, FaultMode.SLOW)) {
            ResponseEntity<byte[]> delayed = answer;
            DeferredResult<ResponseEntity<byte[]>> later = result;
            timer.schedule(() -> later.setResult(delayed), slow.latencyMs(), TimeUnit.MILLISECONDS);
            return result;
        }
        result.setResult(answer);
        return result;
    }
}
