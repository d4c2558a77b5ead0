package com.aggpay.simulator.alipay;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** What a payer's browser sees after submitting a WAP/PC pay form: a minimal stand-in for Alipay's cashier. */
final class AliCashierPage {

    private AliCashierPage() {
    }

    static ResponseEntity<byte[]> of(AliTrades.Result result) {
        String content = result.success() && result.trade() != null
                ? "<h1>Alipay (simulated)</h1><p>Trade " + HtmlUtils.htmlEscape(result.trade().outTradeNo())
                  + ", amount " + AliTrades.yuan(result.trade().amount()) + " CNY, state "
                  + result.trade().state() + ".</p><p>Pay it with POST /_sim/pay.</p>"
                : "<h1>Alipay (simulated)</h1><p>Error " + HtmlUtils.htmlEscape(result.code() + " "
                  + result.subCode() + ": " + result.subMsg()) + "</p>";
        return ResponseEntity.status(result.success() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .header(HttpHeaders.CONTENT_TYPE, "text/html;charset=utf-8")
                .body(("<!doctype html><html><body>" + content + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }
}
