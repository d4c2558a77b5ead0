package com.aggpay.merchant.app;

import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The merchant's apps and keys in the portal (API.md "Portal and operator API"). Answers with secrets are never cached. */
@RestController
class PortalAppController {

    record NewApp(String name, String webhookUrl) {
    }

    record WebhookUrl(String webhookUrl) {
    }

    private final PortalApps apps;
    private final JsonMapper json;

    PortalAppController(PortalApps apps, JsonMapper json) {
        this.apps = apps;
        this.json = json;
    }

    @PostMapping("/api/portal/apps")
    ResponseEntity<PortalApps.CreatedApp> create(@RequestBody NewApp body, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(apps.create(PortalUser.of(http), body.name(), body.webhookUrl()));
    }

    @GetMapping("/api/portal/apps")
    Map<String, List<PortalApps.AppView>> list(HttpServletRequest http) {
        return Map.of("items", apps.list(PortalUser.of(http)));
    }

    @PostMapping("/api/portal/apps/{app_id}/rotate-secret")
    ResponseEntity<PortalApps.RotatedSecret> rotate(@PathVariable("app_id") String appId, HttpServletRequest http) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(apps.rotateSecret(PortalUser.of(http), appId));
    }

    /** The PEM either as the whole body ({@code text/plain} or {@code application/x-pem-file}) or in JSON. */
    @PutMapping("/api/portal/apps/{app_id}/rsa-public-key")
    PortalApps.AppView rsaPublicKey(@PathVariable("app_id") String appId, @RequestBody(required = false) String body,
                                    HttpServletRequest http) {
        PortalUser user = PortalUser.of(http);
        String pem = body;
        MediaType type = http.getContentType() == null ? null : MediaType.parseMediaType(http.getContentType());
        if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            JsonNode node;
            try {
                node = json.readTree(body == null ? "" : body);
            } catch (RuntimeException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "The body is not valid JSON.", "public_key_pem");
            }
            JsonNode field = node == null ? null : node.get("public_key_pem");
            pem = field == null || !field.isString() ? null : field.asString();
        }
        return apps.setRsaPublicKey(user, appId, pem);
    }

    @PutMapping("/api/portal/apps/{app_id}/webhook-url")
    PortalApps.AppView webhookUrl(@PathVariable("app_id") String appId, @RequestBody WebhookUrl body,
                                  HttpServletRequest http) {
        return apps.setWebhookUrl(PortalUser.of(http), appId, body.webhookUrl());
    }
}
