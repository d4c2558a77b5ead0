package com.aggpay.merchant.app;

import com.aggpay.contracts.service.ServiceAuthFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API: the gateway routes no {@code /internal/**} path, and the service-auth filter lets only the
 * gateway and notify-service call it (application.yml). Each gets only the secrets it needs: the gateway the app secret
 * (it verifies merchants' signatures) and the webhook secret; notify-service the webhook secret alone.
 */
@RestController
class InternalAppController {

    private final FindAppForServices findApp;

    InternalAppController(FindAppForServices findApp) {
        this.findApp = findApp;
    }

    @GetMapping("/internal/apps/{app_id}")
    InternalAppView app(@PathVariable("app_id") String appId,
                        @RequestAttribute(ServiceAuthFilter.CALLER_ATTRIBUTE) String caller) {
        InternalAppView app = findApp.find(appId);
        return ServiceAuthFilter.GATEWAY.equals(caller) ? app : app.withoutAppSecret();
    }
}
