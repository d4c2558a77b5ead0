package com.aggpay.router.admin;

import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A channel instance an operator creates. The credentials are held only until they are sealed, and never printed.
 *
 * @param name the platform channel name: also the last segment of the public callback path, so lower-case and short
 */
record NewChannel(String name, String type, String accountId, String apiBaseUrl, ChannelSettings settings,
                  Map<String, String> credentials) {

    static final Set<String> FIELDS = Set.of("name", "type", "account_id", "api_base_url", "credentials", "enabled",
            "priority", "weight", "fee_rate_ppm", "min_amount", "max_amount", "daily_cap", "pay_ways");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TYPE = Pattern.compile("WXPAY_V3|WXPAY_V2|ALIPAY|UNIONPAY");
    private static final int MAX_CREDENTIAL_CHARS = 16_384;
    /** Defaults of a new channel: no traffic until an operator, having checked it, turns it on. */
    private static final ChannelSettings DEFAULTS = new ChannelSettings(false, 100, 100, 0, 1, null, null, "");

    /**
     * @param adapterPayWays the pay ways each channel type's adapter can open (none for a type without adapter)
     */
    static NewChannel parse(JsonNode json, Function<ChannelType, Set<PayWay>> adapterPayWays) {
        JsonFields body = JsonFields.of(json, FIELDS);
        String name = body.string("name", NAME, "must be 1-32 of [a-z0-9-], starting with a letter or digit");
        ChannelType type = ChannelType.valueOf(body.string("type", TYPE, "must be one of WXPAY_V3, WXPAY_V2, ALIPAY, UNIONPAY"));
        String accountId = body.string("account_id", ACCOUNT_ID, "must be 1-64 of [A-Za-z0-9_.-]");
        String apiBaseUrl = apiBaseUrl(body);
        // fee_rate_ppm and pay_ways have no sensible default: lowest-fee routing and the candidate list depend on them.
        body.integer("fee_rate_ppm", 0, ChannelRules.MAX_FEE_RATE_PPM);
        body.strings("pay_ways");
        ChannelSettings settings = ChannelRules.patch(DEFAULTS, body, adapterPayWays.apply(type));
        return new NewChannel(name, type.name(), accountId, apiBaseUrl, settings, credentials(body.node("credentials"), type));
    }

    /** An absolute http(s) URL without user info, query or fragment: the adapters append the API paths to it. */
    private static String apiBaseUrl(JsonFields body) {
        String text = body.string("api_base_url", Pattern.compile("\\S{1,255}"), "must be an http(s) URL");
        try {
            URI uri = new URI(text);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // falls through to the same answer as any other unusable URL
        }
        throw JsonFields.invalid("api_base_url", "must be an absolute http(s) URL without user info, query or fragment");
    }

    /**
     * Every key the type's adapter needs and only keys it may read (docs/internals.md), each a non-blank string;
     * values never echoed.
     */
    private static Map<String, String> credentials(JsonNode node, ChannelType type) {
        if (!node.isObject()) {
            throw JsonFields.invalid("credentials", "must be an object of strings");
        }
        Set<String> required = CredentialKeys.of(type);
        Set<String> optional = CredentialKeys.optional(type);
        Map<String, String> credentials = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (!required.contains(key) && !optional.contains(key)) {
                throw JsonFields.invalid("credentials", "has " + printable(key) + ", which " + type + " does not use");
            }
            if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > MAX_CREDENTIAL_CHARS) {
                throw JsonFields.invalid("credentials." + key, "must be a non-blank string");
            }
            credentials.put(key, value.stringValue());
        }
        for (String key : required) {
            if (!credentials.containsKey(key)) {
                throw JsonFields.invalid("credentials." + key, "is required for " + type);
            }
        }
        if (type == ChannelType.WXPAY_V2 && !Set.of("HMAC-SHA256", "MD5").contains(credentials.get("sign_type"))) {
            throw JsonFields.invalid("credentials.sign_type", "must be HMAC-SHA256 or MD5");
        }
        return Map.copyOf(credentials);
    }

    private static String printable(String key) {
        String clean = key.replaceAll("[^A-Za-z0-9_]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    @Override
    public String toString() {
        return "NewChannel[name=" + name + ", type=" + type + ", accountId=" + accountId + ", apiBaseUrl=" + apiBaseUrl
                + ", settings=" + settings + ", credentials=<" + credentials.size() + " hidden>]";
    }
}
