package com.aggpay.router.channel.unionpay;

import java.util.Map;

/** What one call to UnionPay came to, before its respCode is read. */
sealed interface UpAnswer {

    /** A signed answer that verified (certId and signature) and names this merchant. */
    record Verified(Map<String, String> fields) implements UpAnswer {
        String get(String name) {
            return fields.get(name);
        }

        String respCode() {
            return fields.get("respCode");
        }

        String respMsg() {
            return fields.get("respMsg");
        }
    }

    /** The request never left: nothing can exist upstream because of it. */
    record NotSent(String detail) implements UpAnswer {
    }

    /** Sent, but no trustworthy answer (timeout, 5xx, bad signature, malformed): the outcome is unknown. */
    record NoAnswer(String code, String detail) implements UpAnswer {
    }
}
