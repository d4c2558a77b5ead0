package com.aggpay.merchant.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API. The gateway routes only {@code /api/portal/**} and {@code /api/admin/**} here, so
 * {@code /internal/**} is reachable from inside the platform's network only.
 */
@RestController
class InternalAppController {

    private final FindAppForServices findApp;

    InternalAppController(FindAppForServices findApp) {
        this.findApp = findApp;
    }

    @GetMapping("/internal/apps/{app_id}")
    InternalAppView app(@PathVariable("app_id") String appId) {
        return findApp.find(appId);
    }
}
