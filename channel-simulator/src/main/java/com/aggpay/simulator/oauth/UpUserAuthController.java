package com.aggpay.simulator.oauth;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.unionpay.UpWire;
import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
 *     exactly like the gateway's other calls. Answer {@code text/plain} raw {@code k=v&…}, signed with UnionPay's
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

    private static final List<String> REQUIRED = List.of("version", "encoding", "signMethod", "certId", "signature",
            "txnType", "txnSubType", "bizType", "channelType", "accessType", "merId", "orderId", "txnTime",
            "userAuthCode", "appUpIdentifier");
    private static final List<String> ECHOED = List.of("version", "encoding", "bizType", "txnType", "txnSubType",
            "accessType", "channelType", "merId", "orderId", "txnTime", "reqReserved");

    private final OAuthCodes codes;
    private final Accounts accounts;
    private final Faults faults;
    private final Replies replies;

    public UpUserAuthController(OAuthCodes codes, Accounts accounts, Faults faults, Replies replies) {
        this.codes = codes;
        this.accounts = accounts;
        this.faults = faults;
        this.replies = replies;
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
        Map<String, String> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> p.put(name, values.length == 0 ? "" : values[0]));
        Optional<UpAccount> account = accounts.unionpay(p.get("merId"));
        return replies.answer(account.map(UpAccount::merId).orElse(null), false,
                () -> reply(account.orElse(null), p, account.isEmpty()
                        ? result(p.get("merId") == null ? "13" : "31", null)
                        : exchange(account.get(), p)),
                () -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
    }

    /** The checks in the gateway's order: presence, format, signature, then the transaction itself. */
    private Map<String, String> exchange(UpAccount account, Map<String, String> p) {
        List<String> missing = REQUIRED.stream().filter(name -> p.get(name) == null || p.get(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return result("13", "缺少 " + String.join(",", missing));
        }
        if (!"5.1.0".equals(p.get("version")) || !"UTF-8".equalsIgnoreCase(p.get("encoding"))
                || !"01".equals(p.get("signMethod")) || !UpWire.validTxnTime(p.get("txnTime"))) {
            return result("10", "version 5.1.0, encoding UTF-8, signMethod 01 and txnTime yyyyMMddHHmmss are required");
        }
        if (!account.merchantCertId().equals(p.get("certId")) || !UpWire.verify(account.merchantPublicKey(), p)) {
            return result("11", null);
        }
        if (!"00".equals(p.get("txnType")) || !"10".equals(p.get("txnSubType"))
                || !"000000".equals(p.get("bizType")) || !"08".equals(p.get("channelType"))) {
            return result("32", "the user id takes txnType 00, txnSubType 10, bizType 000000, channelType 08");
        }
        Optional<String> app = walletApp(p.get("appUpIdentifier"));
        if (!ORDER_ID.matcher(p.get("orderId")).matches() || app.isEmpty()) {
            return result("10", "orderId or appUpIdentifier");
        }
        return codes.redeem(CODE_SCOPE + app.get(), p.get("userAuthCode")).map(payer -> {
            Map<String, String> r = result("00", null);
            r.put("appUserId", OAuthCodes.upAppUserId(app.get(), payer));
            return r;
        }).orElseGet(() -> result("01", "userAuthCode无效或已使用"));
    }

    private ResponseEntity<byte[]> reply(UpAccount account, Map<String, String> request, Map<String, String> result) {
        Map<String, String> fields = new LinkedHashMap<>();
        ECHOED.forEach(name -> {
            if (request.get(name) != null) {
                fields.put(name, request.get(name));
            }
        });
        fields.putAll(result);
        fields.put("signMethod", "01");
        if (account != null) {
            fields.put("certId", account.unionpayCertId());
            boolean wrongKey = faults.hits(account.merId(), FaultMode.BAD_SIGNATURE);
            fields.put("signature", UpWire.sign(wrongKey ? accounts.wrongKey().getPrivate()
                    : account.unionpayPrivateKey(), fields));
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .body(UpWire.answer(fields).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> result(String respCode, String detail) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("respCode", respCode);
        String message = switch (respCode) {
            case "00" -> "成功[0000000]";
            case "10" -> "报文格式错误";
            case "11" -> "验证签名失败";
            case "13" -> "报文交易要素缺失";
            case "31" -> "商户状态不正确";
            case "32" -> "无此交易权限";
            default -> "交易失败";
        };
        r.put("respMsg", detail == null ? message : message + "：" + detail);
        return r;
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
