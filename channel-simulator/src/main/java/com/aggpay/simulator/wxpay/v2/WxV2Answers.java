package com.aggpay.simulator.wxpay.v2;

import com.aggpay.simulator.account.WxV2Account;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds v2 answers as WeChat does: a gateway-level failure ({@code return_code FAIL}) is unsigned, since WeChat may
 * not even know whose key to use; every {@code return_code SUCCESS} answer is signed with the request's sign_type.
 * BAD_SIGNATURE signs with a key no merchant has.
 */
@Component
public class WxV2Answers {

    private final Faults faults;
    private final String wrongKey = Randoms.secureAlnum(32);

    public WxV2Answers(Faults faults) {
        this.faults = faults;
    }

    ResponseEntity<byte[]> fail(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", message);
        return xml(HttpStatus.OK, WxV2Xml.write(fields));
    }

    ResponseEntity<byte[]> ok(WxV2Account account, String signType, Map<String, String> business) {
        Map<String, String> fields = head(account, "SUCCESS");
        fields.putAll(business);
        return xml(HttpStatus.OK, signed(account, signType, fields));
    }

    ResponseEntity<byte[]> error(WxV2Account account, String signType, String errCode, String description) {
        return error(account, account.appid(), signType, errCode, description);
    }

    /** An error answer echoing the caller's appid, as WeChat does when that appid is not the merchant's. */
    ResponseEntity<byte[]> error(WxV2Account account, String appid, String signType, String errCode,
                                 String description) {
        Map<String, String> fields = head(account, "FAIL");
        fields.put("appid", appid);
        fields.put("err_code", errCode);
        fields.put("err_code_des", description);
        return xml(HttpStatus.OK, signed(account, signType, fields));
    }

    /** What ERROR_5XX answers after the work was done. */
    ResponseEntity<byte[]> serverError() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "FAIL");
        fields.put("return_msg", "SYSTEMERROR");
        return xml(HttpStatus.INTERNAL_SERVER_ERROR, WxV2Xml.write(fields));
    }

    /** The fields with nonce_str and sign added, as XML; the sign honours BAD_SIGNATURE for this account. */
    String signed(WxV2Account account, String signType, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("nonce_str", Randoms.alnum(32));
        String key = faults.hits(account.mchId(), FaultMode.BAD_SIGNATURE) ? wrongKey : account.apiKey();
        all.put("sign", WxV2Sign.sign(all, key, signType));
        return WxV2Xml.write(all);
    }

    /** The API key BAD_SIGNATURE uses for this account now (the real one when the fault does not hit). */
    String keyFor(WxV2Account account) {
        return faults.hits(account.mchId(), FaultMode.BAD_SIGNATURE) ? wrongKey : account.apiKey();
    }

    private static Map<String, String> head(WxV2Account account, String resultCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("return_msg", "OK");
        fields.put("appid", account.appid());
        fields.put("mch_id", account.mchId());
        fields.put("result_code", resultCode);
        return fields;
    }

    static ResponseEntity<byte[]> xml(HttpStatus status, String body) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "text/xml; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
