package com.aggpay.router.channel.wxpay.v2;

import java.util.Map;

/** What one v2 API call came to before any endpoint reads it; adapters turn each into their own outcome class. */
sealed interface WxV2Reply {

    /**
     * {@code return_code SUCCESS}, sign verified, appid and mch_id ours. {@code result_code} may still be FAIL with
     * an {@code err_code}: that is a signed, trustworthy business answer.
     */
    record Signed(Map<String, String> fields) implements WxV2Reply {
        String get(String name) {
            return fields.get(name);
        }

        boolean succeeded() {
            return "SUCCESS".equals(fields.get("result_code"));
        }

        String errCode() {
            String code = fields.get("err_code");
            return code == null || code.isBlank() ? "RESULT_FAIL" : code;
        }
    }

    /**
     * {@code return_code FAIL}: WeChat's gateway turned the request away (bad sign, malformed, unknown merchant)
     * before any business step. Unsigned, as WeChat sends it.
     */
    record GatewayRefused(String code, String message) implements WxV2Reply {
    }

    /** A 200 answer that is not XML: only {@code /pay/downloadbill} answers so (its bill text is unsigned). */
    record Text(String body) implements WxV2Reply {
    }

    /** The request never left: connection refused, connect timeout, DNS or TLS failure. Nothing happened upstream. */
    record NotSent(String detail) implements WxV2Reply {
    }

    /** Sent, but no trustworthy answer: read timeout, reset, 5xx, malformed body or a signature that fails. */
    record Lost(String code, String detail) implements WxV2Reply {
    }
}
