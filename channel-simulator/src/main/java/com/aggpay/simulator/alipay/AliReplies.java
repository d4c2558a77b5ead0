package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.crypto.Rsa;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Gateway answers: {@code {"<method>_response":{…},"sign":"…"}} where the signature covers the exact JSON text of
 * the {@code _response} value. Written compactly by hand: the SDK cuts the signed text out of the raw body.
 */
@Component
class AliReplies {

    private final Accounts accounts;
    private final Faults faults;

    AliReplies(Accounts accounts, Faults faults) {
        this.accounts = accounts;
        this.faults = faults;
    }

    ResponseEntity<byte[]> success(AliAccount account, String method, Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", "10000");
        response.put("msg", "Success");
        response.putAll(fields);
        return reply(account, method, response);
    }

    ResponseEntity<byte[]> error(AliAccount account, String method, String code, String subCode, String subMsg) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("msg", switch (code) {
            case "20000" -> "Service Currently Unavailable";
            case "40001" -> "Missing Required Arguments";
            case "40002" -> "Invalid Arguments";
            case "40006" -> "Insufficient Permissions";
            default -> "Business Failed";
        });
        response.put("sub_code", subCode);
        response.put("sub_msg", subMsg);
        return reply(account, method, response);
    }

    /** {@code account} null (unknown app_id): unsigned, there is no key to sign with. */
    private ResponseEntity<byte[]> reply(AliAccount account, String method, Map<String, Object> response) {
        String root = method == null ? "error_response" : method.replace('.', '_') + "_response";
        String json = Json.write(response);
        StringBuilder body = new StringBuilder("{\"").append(root).append("\":").append(json);
        if (account != null) {
            boolean wrongKey = faults.hits(account.appId(), FaultMode.BAD_SIGNATURE);
            String sign = Rsa.sign(wrongKey ? accounts.wrongKey().getPrivate() : account.alipayPrivateKey(), json);
            body.append(",\"sign\":\"").append(sign).append('"');
        }
        body.append('}');
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
