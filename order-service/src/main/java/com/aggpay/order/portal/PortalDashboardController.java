package com.aggpay.order.portal;

import com.aggpay.order.reconciliation.ShanghaiDay;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant portal's day views, for merchant-service only: the dashboard and the day's statement. */
@RestController
class PortalDashboardController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final DashboardQuery dashboard;
    private final MerchantStatement statement;
    private final Clock clock;

    PortalDashboardController(DashboardQuery dashboard, MerchantStatement statement, Clock clock) {
        this.dashboard = dashboard;
        this.statement = statement;
        this.clock = clock;
    }

    /** @param date an Asia/Shanghai day, {@code YYYY-MM-DD}; today when left out */
    @GetMapping("/internal/portal/dashboard")
    PortalDashboard dashboard(@RequestParam(name = "mch_no", required = false) String mchNo,
                              @RequestParam(name = "date", required = false) String date) {
        String merchant = PortalParams.mchNo(mchNo);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(ShanghaiDay.ZONE)) : PortalParams.day("date", date);
        return dashboard.of(merchant, ShanghaiDay.of(day));
    }

    @GetMapping("/internal/portal/statements/{date}")
    ResponseEntity<String> statement(@PathVariable("date") String date,
                                     @RequestParam(name = "mch_no", required = false) String mchNo) {
        String merchant = PortalParams.mchNo(mchNo);
        LocalDate day = PortalParams.day("date", date);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + merchant + "-" + day
                        + ".csv\"")
                .body(statement.csv(merchant, ShanghaiDay.of(day)));
    }
}
