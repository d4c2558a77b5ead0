package com.aggpay.merchant.portal.reads;

import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's day views from order-service: the dashboard and the statement CSV of one day. */
@RestController
class PortalDashboardController {

    /** The day of dashboards and statements (order-service's display zone); here only to date an empty dashboard. */
    private static final ZoneId MERCHANT_DAY = ZoneId.of("Asia/Shanghai");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");
    private static final String ORDER_SERVICE = "order-service";

    private final PortalOrdersClient orders;
    private final PortalMerchant merchant;
    private final JsonMapper json;
    private final Clock clock;

    PortalDashboardController(PortalOrdersClient orders, PortalMerchant merchant, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.merchant = merchant;
        this.json = json;
        this.clock = clock;
    }

    /** @param date {@code YYYY-MM-DD}, an Asia/Shanghai day; today when left out */
    @GetMapping("/api/portal/dashboard")
    JsonNode dashboard(HttpServletRequest request, @RequestParam(name = "date", required = false) String date) {
        PortalUser user = PortalUser.of(request);
        String day = date == null ? null : PortalQuery.day("date", date);
        return merchant.mchNo(user).map(mchNo -> Downstream.call(ORDER_SERVICE, () -> orders.dashboard(
                        new PortalQuery().matching("date", day, PortalQuery.DAY).forMerchant(mchNo))))
                .orElseGet(() -> nothingYet(day != null ? day : LocalDate.now(clock.withZone(MERCHANT_DAY)).toString()));
    }

    @GetMapping("/api/portal/statements/{date}")
    ResponseEntity<String> statement(HttpServletRequest request, @PathVariable("date") String date) {
        PortalUser user = PortalUser.of(request);
        String day = PortalQuery.day("date", date);
        String mchNo = merchant.mchNo(user).orElseThrow(() -> new ApiException(ErrorCode.MERCHANT_NOT_ACTIVE,
                "Statements start once the merchant is approved."));
        String csv = Downstream.call(ORDER_SERVICE, () -> orders.statement(day, mchNo));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + day + ".csv\"")
                .body(csv);
    }

    /** The dashboard of a merchant without a merchant number yet, in order-service's shape: nothing happened. */
    private JsonNode nothingYet(String day) {
        return json.valueToTree(new EmptyDashboard(day, "CNY", 0, 0, null, 0, 0, List.of(), List.of()));
    }

    record EmptyDashboard(String date, String currency, long orderCount, long successCount, Double successRate,
                          long paidCount, long paidAmount, List<Object> byPayWay, List<Object> byHour) {
    }
}
