package com.aggpay.simulator.oauth;

import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.unionpay.UpGateway;
import com.aggpay.simulator.unionpay.UpWire;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stand-in for UnionPay's silent user authorisation of 云闪付 (行业码 / C2B JS payments): how an acquirer's static code
 * opened inside a UnionPay wallet learns the payer's {@code appUserId}. Two steps, as in UnionPay's ACP demo:
 * <ul>
 * <li>{@code GET /_sim/oauth/unionpay/userAuth?version=1.0.0&redirectUrl=<URL-encoded>[&sim_payer]} (stands for
 *     {@code https://qr.95516.com/qrcGtwWeb-web/api/userAuth}) → 302 to
 *     {@code redirectUrl[?|&]userAuthCode=<URL-encoded>&respCode=00}; the redirectUrl's own query (the caller's
 *     state) is kept as it was. The real one takes no state or merchant: the caller puts its state in redirectUrl.
 *     The code is Base64 ({@code + / =}), works once, within five minutes, for the wallet app that issued it: the
 *     app name of the {@code UnionPay/<ver> <app>} mark in the User-Agent, {@code CloudPay} when there is none.
 *     A bad version or redirectUrl → 400 {@code {"respCode":"10","respMsg":…}}.</li>
 * <li>{@code POST /_sim/oauth/unionpay/backTransReq.do}, a 全渠道 form post (stands for
 *     {@code gateway.95516.com/gateway/api/backTransReq.do} with {@code txnType=00, txnSubType=10}): {@code version=5.1.0,
 *     encoding=UTF-8, signMethod=01, certId, signature, txnType=00, txnSubType=10, bizType=000000, channelType=08,
 *     accessType=0, merId, orderId (8–40 letters/digits), txnTime (yyyyMMddHHmmss), userAuthCode (as received, once
 *     URL-decoded), appUpIdentifier ({@code UnionPay/1.0 CloudPay}, from the payer's User-Agent)}, signed and verified
 *     exactly like the gateway's other calls (it is served by {@link UpGateway#serve}). Answer {@code text/plain} raw {@code k=v&…}, signed with UnionPay's
 *     key: the echoed identity fields, {@code respCode}, {@code respMsg} and, on {@code 00}, {@code appUserId}.
 *     {@code 01} refuses an unknown, used, expired or other wallet's userAuthCode (the documentation names no code
 *     for that: this simulator's choice); {@code 10} format, {@code 11} signature or certId, {@code 13} missing field,
 *     {@code 31} unknown merId (unsigned), {@code 32} another txnType/txnSubType, bizType or channelType. Faults of
 *     {@code /_sim/faults} apply per merId.</li>
 * </ul>
 */
@RestController
public class UpUserAuthController {

    /** UnionPay's own way to find the payment mark in a User-Agent: {@code UnionPay/<version> <app>}. */
    private static final Pattern MARK = Pattern.compile("UnionPay/[^ ]+ ([0-9A-Za-z]+)");
    private static final Pattern VERSION = Pattern.compile("1\\.0\\.[0-9]");
    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z]{8,40}");
    private static final String DEFAULT_APP = "CloudPay";
    /** Codes of this stand-in are kept apart from the WeChat and Alipay ones. */
    private static final String CODE_SCOPE = "unionpay:";


    private final OAuthCodes codes;
    private final UpGateway gateway;

    public UpUserAuthController(OAuthCodes codes, UpGateway gateway) {
        this.codes = codes;
        this.gateway = gateway;
    }

    @GetMapping("/_sim/oauth/unionpay/userAuth")
    public ResponseEntity<Map<String, Object>> userAuth(@RequestParam(required = false) String version,
            @RequestParam(required = false) String redirectUrl,
            @RequestParam(name = "sim_payer", defaultValue = "payer") String payer,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (version == null || !VERSION.matcher(version).matches()) {
            return ResponseEntity.badRequest().body(Map.of("respCode", "10", "respMsg", "报文格式错误: version"));
        }
        Optional<URI> target = absoluteHttp(redirectUrl);
        if (target.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("respCode", "10", "respMsg", "报文格式错误: redirectUrl"));
        }
        String code = codes.issueBase64(CODE_SCOPE + walletApp(userAgent).orElse(DEFAULT_APP), payer);
        URI location = UriComponentsBuilder.fromUri(target.get())
                .queryParam("userAuthCode", URLEncoder.encode(code, StandardCharsets.UTF_8))
                .queryParam("respCode", "00").build(true).toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    @PostMapping("/_sim/oauth/unionpay/backTransReq.do")
    public DeferredResult<ResponseEntity<byte[]>> appUserId(HttpServletRequest request) {
        return gateway.serve(request, this::exchange);
    }

    /** After the gateway's own checks (merchant, common fields, signature): the exchange's fields, then the code. */
    private Map<String, String> exchange(UpAccount account, Map<String, String> p) {
        String missing = UpWire.missing(p, "channelType", "orderId", "userAuthCode", "appUpIdentifier");
        if (missing != null) {
            return UpWire.result("13", missing);
        }
        if (!"00".equals(p.get("txnType")) || !"10".equals(p.get("txnSubType"))
                || !"000000".equals(p.get("bizType")) || !"08".equals(p.get("channelType"))) {
            return UpWire.result("32", "the user id takes txnType 00, txnSubType 10, bizType 000000, channelType 08");
        }
        Optional<String> app = walletApp(p.get("appUpIdentifier"));
        if (!ORDER_ID.matcher(p.get("orderId")).matches() || app.isEmpty()) {
            return UpWire.result("10", "orderId or appUpIdentifier");
        }
        return codes.redeem(CODE_SCOPE + app.get(), p.get("userAuthCode")).map(payer -> {
            Map<String, String> r = UpWire.result("00", null);
            r.put("appUserId", OAuthCodes.upAppUserId(app.get(), payer));
            return r;
        }).orElseGet(() -> UpWire.result("01", "userAuthCode无效或已使用"));
    }

    /** The wallet app named by a {@code UnionPay/<version> <app>} mark (User-Agent or appUpIdentifier). */
    static Optional<String> walletApp(String text) {
        Matcher m = text == null ? null : MARK.matcher(text);
        return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<URI> absoluteHttp(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
