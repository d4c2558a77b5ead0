package com.aggpay.notify.merchant;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** merchant-service's internal app lookup (docs/internals.md); the address comes from simple discovery. */
@FeignClient(name = "merchant-service", contextId = "merchantApps", path = "/internal/apps")
public interface MerchantApps {

    @GetMapping("/{app_id}")
    AppInfo app(@PathVariable("app_id") String appId);
}
