package com.aggpay.order.statement;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.order.reconciliation.ShanghaiDay;
import com.aggpay.order.routing.ChannelBillClient;
import com.aggpay.order.statement.domain.StatementCsv;
import com.aggpay.order.statement.domain.StatementLine;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Statements", description = "Daily statements with fees.")
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
    @Operation(operationId = "getStatement", summary = "Download the statement of one day", description = """
            The app's payments and refunds of one Asia/Shanghai day with fees, as CSV: a row per payment and refund \
            (type, pay_order_id, mch_order_no, refund_id, mch_refund_no, channel, pay_way, amount, fee, net, time), \
            then a TOTAL row; lines starting with # are comments.""")
    @ApiResponse(responseCode = "200", description = "The statement.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "PARAM_INVALID: date is not YYYY-MM-DD.")
    @ApiResponse(responseCode = "503", description = "ROUTER_UNAVAILABLE: fee rates are not available; try again.")
    ResponseEntity<String> statement(Caller caller, @Parameter(description = "The day, YYYY-MM-DD (Asia/Shanghai).",
            example = "2026-11-26", schema = @Schema(format = "date")) @PathVariable String date) {
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
