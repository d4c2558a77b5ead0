package com.aggpay.order.reconciliation;

import com.aggpay.contracts.trade.BillAnswer;
import com.aggpay.order.reconciliation.domain.BillLine;
import com.aggpay.order.reconciliation.domain.Kind;
import com.aggpay.order.reconciliation.domain.PlatformRecords;
import com.aggpay.order.reconciliation.domain.Reconcile;
import com.aggpay.order.reconciliation.domain.Reconciliation;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import feign.FeignException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reconciles one channel's day: fetch the parsed bill from the router, read our records, compare, store the report
 * (replacing an earlier one). Orders and refunds are only read: a difference is reported, never fixed.
 */
@Component
public class RunReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RunReconciliation.class);

    private final ChannelBillClient router;
    private final PlatformRecordsLoader platform;
    private final ReconciliationReports reports;
    private final MeterRegistry meters;
    private final Clock clock;

    RunReconciliation(ChannelBillClient router, PlatformRecordsLoader platform, ReconciliationReports reports,
                      MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.router = router;
        this.platform = platform;
        this.reports = reports;
        this.clock = clock;
    }

    public ReconciliationView run(String channel, LocalDate day) {
        BillAnswer bill = download(channel, day);
        List<BillLine> lines = bill.lines() == null ? List.of() : bill.lines().stream().map(RunReconciliation::line)
                .toList();
        PlatformRecords records = platform.load(channel, ShanghaiDay.of(day), lines);
        Reconciliation result = Reconcile.compare(channel, lines, records);
        reports.replace(channel, day, result, lines.size(), LocalDateTime.now(clock));
        // what each run found (a re-run of a day counts again: alert on increases, read reports for the truth)
        meters.counter("aggpay_reconciliation_runs_total", "channel", channel).increment();
        result.discrepancies().forEach(d -> meters.counter("aggpay_reconciliation_discrepancies_total",
                "channel", channel, "type", d.type().name()).increment());
        log.info("reconciled channel={} day={} bill_lines={} matched={} matched_amount={} discrepancies={}", channel,
                day, lines.size(), result.matchedCount(), result.matchedAmount(), result.discrepancies().size());
        return reports.find(channel, day).orElseThrow();
    }

    private BillAnswer download(String channel, LocalDate day) {
        try {
            return router.bill(channel, day.toString());
        } catch (FeignException e) {
            if (e.status() == 404) {
                throw new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No channel named " + channel + ".");
            }
            if (e.status() == 501) {
                throw new ApiException(ErrorCode.BILL_UNSUPPORTED, "channel",
                        "Channel " + channel + " has no bill download.");
            }
            log.warn("bill of {} for channel {} not had: {}", day, channel, e.toString());
            throw new ApiException(ErrorCode.BILL_UNAVAILABLE, null,
                    "The bill of " + day + " for channel " + channel + " could not be had; nothing was stored.");
        } catch (RuntimeException e) {
            log.warn("bill of {} for channel {} not had: {}", day, channel, e.toString());
            throw new ApiException(ErrorCode.BILL_UNAVAILABLE, null,
                    "The bill of " + day + " for channel " + channel + " could not be had; nothing was stored.");
        }
    }

    private static BillLine line(BillAnswer.Line l) {
        return new BillLine("REFUND".equals(l.kind()) ? Kind.REFUND : Kind.PAYMENT, l.outTradeNo(), l.outRefundNo(),
                l.amount(), l.status());
    }
}
