package com.aggpay.router.admin;

import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Operators read, change and add channel instances; every change is audited with its before and after. */
@Service
class ConfigureChannels {

    private final AdminChannelRows rows;
    private final ChannelAdapters adapters;
    private final ChannelInstances instances;
    private final AdminAudit audit;
    private final Clock clock;

    ConfigureChannels(AdminChannelRows rows, ChannelAdapters adapters, ChannelInstances instances, AdminAudit audit,
                      Clock clock) {
        this.rows = rows;
        this.adapters = adapters;
        this.instances = instances;
        this.audit = audit;
        this.clock = clock;
    }

    ChannelConfig find(String name) {
        ChannelConfigRow row = rows.find(name);
        if (row == null) {
            throw unknown();
        }
        return ChannelConfig.of(row);
    }

    @Transactional
    ChannelConfig change(String name, JsonNode json, String operator) {
        JsonFields body = JsonFields.of(json, ChannelRules.PATCHABLE);
        if (ChannelRules.PATCHABLE.stream().noneMatch(body::has)) {
            throw new ApiException(ErrorCode.PARAM_INVALID, null,
                    "Send at least one of " + String.join(", ", ChannelRules.PATCHABLE) + ".");
        }
        ChannelConfigRow before = rows.lock(name);
        if (before == null) {
            throw unknown();
        }
        ChannelSettings after = ChannelRules.patch(before.settings(), body, payWaysOf(ChannelType.valueOf(before.type())));
        if (!after.equals(before.settings())) {
            rows.update(name, after, LocalDateTime.now(clock));
            audit.changed(operator, "CHANNEL_UPDATED", "channel:" + name, before.settings().asMap(), after.asMap());
        }
        return ChannelConfig.of(rows.find(name));
    }

    @Transactional
    ChannelConfig create(JsonNode json, String operator) {
        NewChannel channel = NewChannel.parse(json, this::payWaysOf);
        if (rows.find(channel.name()) != null) {
            throw exists(channel.name());
        }
        try {
            rows.insert(channel, instances.seal(channel.credentials()), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw exists(channel.name());
        }
        ChannelConfig created = ChannelConfig.of(rows.find(channel.name()));
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("type", created.type());
        fields.put("account_id", created.accountId());
        fields.put("api_base_url", created.apiBaseUrl());
        fields.putAll(channel.settings().asMap());
        // Which credential keys were set, never their values.
        fields.put("credentials", "<sealed: " + String.join(",", new java.util.TreeSet<>(channel.credentials().keySet())) + ">");
        audit.changed(operator, "CHANNEL_CREATED", "channel:" + channel.name(), null, fields);
        return created;
    }

    private Set<PayWay> payWaysOf(ChannelType type) {
        return adapters.of(type).map(ChannelAdapter::payWays).orElse(Set.of());
    }

    private static ApiException unknown() {
        return new ApiException(ErrorCode.CHANNEL_UNKNOWN, "name", "No channel with this name.");
    }

    private static ApiException exists(String name) {
        return new ApiException(ErrorCode.CHANNEL_EXISTS, "name", "A channel named " + name + " already exists.");
    }
}
