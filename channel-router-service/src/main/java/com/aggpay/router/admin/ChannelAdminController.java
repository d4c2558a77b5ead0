package com.aggpay.router.admin;

import com.aggpay.contracts.http.AggpayHeaders;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Channel configuration for operators. The list with health ({@code GET /api/admin/channels}) lives in
 * {@code health.ChannelHealthController}. Bodies are read as JSON trees: a PATCH must tell "absent" from null.
 */
@RestController
class ChannelAdminController {

    private final ConfigureChannels channels;

    ChannelAdminController(ConfigureChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/admin/channels/{name}")
    ChannelConfig channel(@PathVariable("name") String name) {
        return channels.find(name);
    }

    @PatchMapping("/api/admin/channels/{name}")
    ChannelConfig change(@PathVariable("name") String name, @RequestBody JsonNode body,
                         @RequestHeader(AggpayHeaders.OPERATOR) String operator) {
        return channels.change(name, body, operator);
    }

    @PostMapping("/api/admin/channels")
    ResponseEntity<ChannelConfig> create(@RequestBody JsonNode body, @RequestHeader(AggpayHeaders.OPERATOR) String operator) {
        ChannelConfig created = channels.create(body, operator);
        return ResponseEntity.created(URI.create("/api/admin/channels/" + created.name())).body(created);
    }
}
