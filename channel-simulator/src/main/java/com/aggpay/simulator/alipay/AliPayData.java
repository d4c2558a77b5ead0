package com.aggpay.simulator.alipay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads the signed request parameters out of the pay data the platform hands out for payer-opened methods: an
 * auto-submitting HTML form (WAP/PC: common parameters in the action URL, biz_content in a hidden input), a GET URL,
 * or an APP order string ({@code k=v&…}, URL-encoded).
 */
final class AliPayData {

    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    private AliPayData() {
    }

    static Map<String, String> params(String payData) {
        Map<String, String> params = new LinkedHashMap<>();
        String text = payData.trim();
        if (text.contains("<form")) {
            Matcher action = ACTION.matcher(text);
            if (action.find()) {
                query(HtmlUtils.htmlUnescape(action.group(1)), params);
            }
            Matcher input = INPUT.matcher(text);
            while (input.find()) {
                params.put(HtmlUtils.htmlUnescape(input.group(1)), HtmlUtils.htmlUnescape(input.group(2)));
            }
        } else if (text.contains("method=alipay.trade.")) {
            query(text, params);
        }
        return params;
    }

    private static void query(String urlOrQuery, Map<String, String> into) {
        int q = urlOrQuery.indexOf('?');
        String query = q >= 0 ? urlOrQuery.substring(q + 1) : urlOrQuery;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }
}
