package com.aggpay.simulator.wxpay.v3;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.WxV3Account;
import com.aggpay.simulator.bill.BillDay;
import com.aggpay.simulator.bill.BillFiles;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Refund;
import com.aggpay.simulator.ledger.Refunds;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.web.Json;
import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay API v3 at the real paths: prepay (4 trade types), query by out_trade_no or id, close, refund and refund
 * query, trade bill and its download.
 */
@RestController
public class WxV3Controller {

    private final Accounts accounts;
    private final Ledger ledger;
    private final WxV3Signer signer;
    private final WxV3Prepay prepay;
    private final Replies replies;
    private final WxV3Refunds refunds;
    private final BillDay billDay;
    private final BillFiles billFiles;

    public WxV3Controller(Accounts accounts, Ledger ledger, WxV3Signer signer, Replies replies, Refunds refunds,
                          WxV3Notifier notifier, BillDay billDay, BillFiles billFiles) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.signer = signer;
        this.replies = replies;
        this.prepay = new WxV3Prepay(ledger, signer);
        this.refunds = new WxV3Refunds(ledger, refunds, signer, notifier);
        this.billDay = billDay;
        this.billFiles = billFiles;
    }

    @PostMapping("/v3/pay/transactions/{type}")
    public DeferredResult<ResponseEntity<byte[]>> prepay(@PathVariable String type, HttpServletRequest request,
                                                         @RequestBody(required = false) byte[] body) {
        return authenticated(request, body, true, (call) -> {
            if (!WxV3Prepay.TYPES.containsKey(type)) {
                return signer.error(call.account(), 404, "NOT_FOUND", "unknown trade type " + type);
            }
            JsonNode json = Json.readObject(call.body());
            if (json == null) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "body is not a JSON object");
            }
            if (!call.account().mchid().equals(json.path("mchid").asString(""))) {
                return signer.error(call.account(), 401, "SIGN_ERROR", "mchid of the body differs from the header");
            }
            return prepay.prepay(call.account(), type, json);
        });
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    public DeferredResult<ResponseEntity<byte[]>> queryByOutTradeNo(@PathVariable String outTradeNo,
                                                                    HttpServletRequest request) {
        return authenticated(request, null, false, call -> mchidParamMatches(call, request)
                .orElseGet(() -> answerTrade(call.account(), ledger.find(call.account().mchid(), outTradeNo))));
    }

    @GetMapping("/v3/pay/transactions/id/{transactionId}")
    public DeferredResult<ResponseEntity<byte[]>> queryById(@PathVariable String transactionId,
                                                            HttpServletRequest request) {
        return authenticated(request, null, false, call -> mchidParamMatches(call, request).orElseGet(() ->
                answerTrade(call.account(), ledger.findByChannelTradeNo(call.account().mchid(), transactionId)
                        .filter(t -> t.paidAt() != null))));
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    public DeferredResult<ResponseEntity<byte[]>> close(@PathVariable String outTradeNo, HttpServletRequest request,
                                                        @RequestBody(required = false) byte[] body) {
        return authenticated(request, body, false, call -> {
            JsonNode json = Json.readObject(call.body());
            if (json == null || !call.account().mchid().equals(json.path("mchid").asString(""))) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "mchid missing or differs from the header");
            }
            Optional<Trade> trade = ledger.find(call.account().mchid(), outTradeNo);
            if (trade.isEmpty()) {
                return signer.error(call.account(), 404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (!trade.get().close()) {
                return signer.error(call.account(), 400, "ORDERPAID", "订单已支付");
            }
            return signer.reply(call.account(), 204, "");
        });
    }

    /** A refund changes money, so ERROR_5XX and TIMEOUT_AFTER_ACCEPT hit it like a create: done, then no answer. */
    @PostMapping("/v3/refund/domestic/refunds")
    public DeferredResult<ResponseEntity<byte[]>> refund(HttpServletRequest request,
                                                         @RequestBody(required = false) byte[] body) {
        return authenticated(request, body, true, call -> {
            JsonNode json = Json.readObject(call.body());
            return json == null ? signer.error(call.account(), 400, "PARAM_ERROR", "body is not a JSON object")
                    : refunds.create(call.account(), json);
        });
    }

    @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
    public DeferredResult<ResponseEntity<byte[]>> queryRefund(@PathVariable String outRefundNo,
                                                              HttpServletRequest request) {
        return authenticated(request, null, false, call -> refunds.query(call.account(), outRefundNo));
    }

    /**
     * The trade bill of a day: answers a download URL on this simulator and the SHA1 of the plain CSV (the SDK
     * checks it after un-gzipping). No trade that day: NO_STATEMENT_EXIST, as WeChat.
     */
    @GetMapping("/v3/bill/tradebill")
    public DeferredResult<ResponseEntity<byte[]>> tradeBill(HttpServletRequest request) {
        return authenticated(request, null, false, call -> {
            LocalDate day;
            try {
                day = LocalDate.parse(String.valueOf(request.getParameter("bill_date")));
            } catch (DateTimeParseException e) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "bill_date must be yyyy-MM-dd");
            }
            if (day.isAfter(LocalDate.now(TradeNumbers.CHINA))) {
                return signer.error(call.account(), 400, "INVALID_REQUEST", "bill_date 不能晚于今天");
            }
            String type = request.getParameter("bill_type") == null ? "ALL" : request.getParameter("bill_type");
            String tar = request.getParameter("tar_type");
            if (!List.of("ALL", "SUCCESS", "REFUND").contains(type) || (tar != null && !"GZIP".equals(tar))) {
                return signer.error(call.account(), 400, "PARAM_ERROR", "bill_type must be ALL|SUCCESS|REFUND, tar_type GZIP");
            }
            String mchid = call.account().mchid();
            List<Trade> payments = "REFUND".equals(type) ? List.of() : billDay.payments(mchid, day);
            List<Refund> refunded = "SUCCESS".equals(type) ? List.of() : billDay.refunds(mchid, day);
            if (payments.isEmpty() && refunded.isEmpty()) {
                return signer.error(call.account(), 400, "NO_STATEMENT_EXIST", "账单文件不存在");
            }
            byte[] csv = WxV3Bill.csv(call.account(), payments, refunded).getBytes(StandardCharsets.UTF_8);
            String token = billFiles.put(new BillFiles.File(mchid, "tradebill-" + day + ".csv",
                    "application/octet-stream", tar == null ? csv : gzip(csv)));
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("hash_type", "SHA1");
            answer.put("hash_value", sha1(csv));
            answer.put("download_url", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                    + "/v3/billdownload/file?token=" + token);
            return signer.reply(call.account(), 200, Json.write(answer));
        });
    }

    /** The file behind a download_url: signed request like any other call, unsigned raw answer (as WeChat). */
    @GetMapping("/v3/billdownload/file")
    public DeferredResult<ResponseEntity<byte[]>> downloadBill(HttpServletRequest request) {
        return authenticated(request, null, false, call -> billFiles.get(request.getParameter("token"))
                .filter(f -> f.account().equals(call.account().mchid()))
                .map(f -> ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.contentType()).body(f.content()))
                .orElseGet(() -> signer.error(call.account(), 400, "INVALID_REQUEST", "token 无效或已过期")));
    }

    private static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(content);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<byte[]> answerTrade(WxV3Account account, Optional<Trade> trade) {
        return trade.map(t -> signer.reply(account, 200, Json.write(WxV3Transactions.of(t))))
                .orElseGet(() -> signer.error(account, 404, "ORDER_NOT_EXIST", "订单不存在"));
    }

    private Optional<ResponseEntity<byte[]>> mchidParamMatches(Call call, HttpServletRequest request) {
        return call.account().mchid().equals(request.getParameter("mchid")) ? Optional.empty()
                : Optional.of(signer.error(call.account(), 400, "PARAM_ERROR", "mchid query parameter missing or wrong"));
    }

    /** An authenticated call: the merchant account of the Authorization header and the raw body text. */
    record Call(WxV3Account account, String body) {
    }

    /** Resolves the account from the header (faults are per account), then verifies the signature like WeChat. */
    private DeferredResult<ResponseEntity<byte[]>> authenticated(HttpServletRequest request, byte[] rawBody,
            boolean create, Function<Call, ResponseEntity<byte[]>> handler) {
        Map<String, String> auth = WxV3Auth.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        String mchid = auth.get("mchid");
        String body = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
        Optional<WxV3Account> account = accounts.wxV3(mchid);
        return replies.answer(account.map(WxV3Account::mchid).orElse(null), create, () -> {
            if (auth.isEmpty() || account.isEmpty()) {
                return signer.error(null, 401, "SIGN_ERROR", mchid == null ? "Authorization header missing or malformed"
                        : "merchant " + mchid + " does not exist");
            }
            String query = request.getQueryString();
            String problem = WxV3Auth.check(account.get(), auth, request.getMethod(),
                    request.getRequestURI() + (query == null ? "" : "?" + query), body,
                    System.currentTimeMillis() / 1000);
            if (problem != null) {
                return signer.error(account.get(), 401, "SIGN_ERROR", problem);
            }
            return handler.apply(new Call(account.get(), body));
        }, () -> signer.error(account.orElse(null), 500, "SYSTEM_ERROR", "系统错误"));
    }
}
