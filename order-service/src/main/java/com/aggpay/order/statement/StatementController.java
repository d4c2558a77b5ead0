package com.aggpay.order.statement;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.reconciliation.ShanghaiDay;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.statement.domain.StatementCsv;
import com.aggpay.order.statement.domain.StatementLine;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/statements/{date}}: the calling app's payments and refunds of one Asia/Shanghai day, with fees.
 *
 * <p>Each order is priced at the fee rate its channel had when the trade was opened ({@code pay_order.fee_rate_ppm});
 * orders from before that column existed fall back to the channel's current rate, asked from the router.
 */
@RestController
class StatementController {

    private static final Logger log = LoggerFactory.getLogger(StatementController.class);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final StatementRows rows;
    private final ChannelBillClient router;

    StatementController(StatementRows rows, ChannelBillClient router) {
        this.rows = rows;
        this.router = router;
    }

    @GetMapping("/api/v1/statements/{date}")
    ResponseEntity<String> statement(Caller caller, @PathVariable String date) {
        LocalDate day = day(date);
        List<StatementLine> lines = rows.of(caller.appId(), ShanghaiDay.of(day));
        // orders carry the rate they were taken at; the router is asked only for orders from before that
        boolean allPriced = lines.stream().allMatch(l -> l.feeRatePpm() != null);
        Map<String, Integer> rates = allPriced ? Map.of() : rates();
        String csv;
        try {
            csv = StatementCsv.render(caller.appId(), day, lines, rates);
        } catch (IllegalArgumentException e) {
            // a channel without a known rate: no statement rather than one with a wrong fee
            log.warn("statement of {} for app {} not priced: {}", day, caller.appId(), e.getMessage());
            throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "Fee rates are not available; try again.");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + day + ".csv\"")
                .body(csv);
    }

    private Map<String, Integer> rates() {
        try {
            return router.feeRates().stream()
                    .collect(Collectors.toMap(ChannelFeeRate::channel, ChannelFeeRate::feeRatePpm, (a, b) -> a));
        } catch (RuntimeException e) {
            log.warn("fee rates not had from the router: {}", e.toString());
            throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "Fee rates are not available; try again.");
        }
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "date", "date must be YYYY-MM-DD.");
        }
    }
}
