package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.crypto.Randoms;
import com.aggpay.simulator.crypto.Rsa;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Signs answers and notifications as WeChat Pay does in "public key" mode: SHA256withRSA over
 * {@code TS\nNONCE\nBODY\n} with the WeChat Pay private key, {@code Wechatpay-Serial} = the public key id.
 */
@Component
public class WxV3Signer {

    private final Accounts accounts;
    private final Faults faults;

    public WxV3Signer(Accounts accounts, Faults faults) {
        this.accounts = accounts;
        this.faults = faults;
    }

    public Map<String, String> signatureHeaders(WxV3Account account, String body, boolean wrongKey) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Randoms.alnum(32);
        PrivateKey key = wrongKey ? accounts.wrongKey().getPrivate() : account.wechatpayPrivateKey();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", Rsa.sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Serial", account.publicKeyId());
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return headers;
    }

    /** A signed API answer; {@code account} null (unknown merchant) answers unsigned, as there is no key. */
    public ResponseEntity<byte[]> reply(WxV3Account account, int status, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Request-ID", "08" + Randoms.alnum(30));
        if (!body.isEmpty()) {
            headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        if (account != null) {
            boolean wrongKey = faults.hits(account.mchid(), FaultMode.BAD_SIGNATURE);
            signatureHeaders(account, body, wrongKey).forEach(headers::set);
        }
        return ResponseEntity.status(status).headers(headers).body(body.getBytes(StandardCharsets.UTF_8));
    }

    public ResponseEntity<byte[]> error(WxV3Account account, int status, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return reply(account, status, com.aggpay.simulator.web.Json.write(error));
    }
}
