package com.aggpay.order.reconciliation;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.order.audit.OperatorAudit;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API: run a channel's reconciliation for any past day now, and read the stored report. */
@RestController
class ReconciliationController {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final RunReconciliation reconciliation;
    private final ReconciliationReports reports;
    private final OperatorAudit operatorAudit;
    private final Clock clock;

    ReconciliationController(RunReconciliation reconciliation, ReconciliationReports reports,
                             OperatorAudit operatorAudit, Clock clock) {
        this.reconciliation = reconciliation;
        this.reports = reports;
        this.operatorAudit = operatorAudit;
        this.clock = clock;
    }

    /** What the audit keeps of a report: its totals, not every discrepancy line. */
    record ReportSummary(String channel, String date, int matchedCount, long matchedAmount, int billLines,
                         int discrepancyCount, String createdAt) {

        static ReportSummary of(ReconciliationView v) {
            return v == null ? null : new ReportSummary(v.channel(), v.date(), v.matchedCount(), v.matchedAmount(),
                    v.billLines(), v.discrepancies() == null ? 0 : v.discrepancies().size(), v.createdAt());
        }
    }

    record RunRequest(String channel, String date) {
    }

    @PostMapping("/api/admin/reconciliations")
    ReconciliationView run(@RequestHeader(AggpayHeaders.OPERATOR) String operator, @RequestBody RunRequest body) {
        String channel = channel(body.channel());
        LocalDate day = day(body.date());
        audit.info("event=RECONCILIATION_RUN operator={} channel={} day={}", operator, channel, day);
        ReportSummary before = ReportSummary.of(reports.find(channel, day).orElse(null));
        ReconciliationView report = reconciliation.run(channel, day);
        operatorAudit.record(operator, "RECONCILIATION_RUN", channel + "/" + day, before, ReportSummary.of(report));
        return report;
    }

    @GetMapping("/api/admin/reconciliations")
    ReconciliationView report(@RequestParam("channel") String channel, @RequestParam("date") String date) {
        String name = channel(channel);
        LocalDate day = day(date);
        return reports.find(name, day).orElseThrow(() -> new ApiException(ErrorCode.REPORT_NOT_FOUND,
                "No report for channel " + name + " on " + day + "; POST one."));
    }

    private static String channel(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new ApiException(ErrorCode.PARAM_REQUIRED, "channel", "channel is required.");
        }
        if (!CHANNEL.matcher(channel).matches()) {
            throw new ApiException(ErrorCode.CHANNEL_UNKNOWN, "channel", "No channel named like that.");
        }
        return channel;
    }

    /** A Shanghai calendar day that has begun; a bill of a future day cannot exist. */
    private LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw new ApiException(ErrorCode.PARAM_REQUIRED, "date", "date is required (YYYY-MM-DD).");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "date", "date must be YYYY-MM-DD.");
        }
        if (day.isAfter(LocalDate.now(clock.withZone(ShanghaiDay.ZONE)))) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "date", "date must not be in the future (Asia/Shanghai).");
        }
        return day;
    }
}
