package com.aggpay.simulator.unionpay;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.account.UpAccount;
import com.aggpay.simulator.fault.FaultMode;
import com.aggpay.simulator.fault.Faults;
import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * UnionPay's gateway (全渠道) at the real paths. Every call: find the merchant, check the common fields, verify the
 * signature and certId, run the transaction, echo the request's identity fields and sign the answer with UnionPay's
 * key. Faults of {@code /_sim/faults} apply per merId; the QR apply and the wallet consumption are "create" calls.
 */
@RestController
public class UpGateway {

    private static final List<String> COMMON = List.of("version", "encoding", "signMethod", "certId", "signature",
            "txnType", "txnSubType", "bizType", "accessType", "merId", "txnTime");
    private static final List<String> ECHOED = List.of("version", "encoding", "bizType", "txnType", "txnSubType",
            "accessType", "channelType", "merId", "orderId", "txnTime", "reqReserved");

    private final Accounts accounts;
    private final Faults faults;
    private final Replies replies;
    private final UpTransactions transactions;
    private final UpBillFile bills;

    public UpGateway(Accounts accounts, Faults faults, Replies replies, UpTransactions transactions, UpBillFile bills) {
        this.accounts = accounts;
        this.faults = faults;
        this.replies = replies;
        this.transactions = transactions;
        this.bills = bills;
    }

    @PostMapping("/gateway/api/backTransReq.do")
    public DeferredResult<ResponseEntity<byte[]>> backTrans(HttpServletRequest request) {
        Map<String, String> p = params(request);
        String txn = p.get("txnType") + "/" + p.get("txnSubType");
        boolean create = "01/07".equals(txn) || "01/01".equals(txn);
        return call(p, create, (account, params) -> switch (txn) {
            case "01/07" -> transactions.apply(account, params);
            case "01/01" -> transactions.consume(account, params);
            case "31/00" -> transactions.cancel(account, params);
            case "04/00" -> transactions.refund(account, params);
            default -> UpTransactions.result(UpCodes.NOT_PERMITTED, "txnType/txnSubType " + txn);
        });
    }

    @PostMapping("/gateway/api/queryTrans.do")
    public DeferredResult<ResponseEntity<byte[]>> queryTrans(HttpServletRequest request) {
        Map<String, String> p = params(request);
        return call(p, false, (account, params) -> "00".equals(params.get("txnType"))
                ? transactions.query(account, params)
                : UpTransactions.result(UpCodes.NOT_PERMITTED, "queryTrans takes txnType 00"));
    }

    @PostMapping("/gateway/api/fileTransReq.do")
    public DeferredResult<ResponseEntity<byte[]>> fileTrans(HttpServletRequest request) {
        Map<String, String> p = params(request);
        return call(p, false, (account, params) -> "76".equals(params.get("txnType"))
                ? bills.answer(account, params)
                : UpTransactions.result(UpCodes.NOT_PERMITTED, "fileTransReq takes txnType 76"));
    }

    /**
     * A 全渠道 call the simulator serves on another path (the 云闪付 user-id exchange stand-in): the same merchant
     * lookup, common checks, signature, faults and signed answer as the gateway's own calls, with its transaction.
     */
    public DeferredResult<ResponseEntity<byte[]>> serve(HttpServletRequest request,
            BiFunction<UpAccount, Map<String, String>, Map<String, String>> transaction) {
        return call(params(request), false, transaction);
    }

    private DeferredResult<ResponseEntity<byte[]>> call(Map<String, String> p, boolean create,
            BiFunction<UpAccount, Map<String, String>, Map<String, String>> transaction) {
        Optional<UpAccount> account = accounts.unionpay(p.get("merId"));
        return replies.answer(account.map(UpAccount::merId).orElse(null), create, () -> {
            if (account.isEmpty()) {
                // No merchant, no key to sign with: UnionPay answers such calls unsigned.
                String code = p.get("merId") == null ? UpCodes.MISSING : UpCodes.MERCHANT;
                return reply(null, p, UpTransactions.result(code, null));
            }
            String missing = UpTransactions.missing(p, COMMON.toArray(String[]::new));
            if (missing != null) {
                return reply(account.get(), p, UpTransactions.result(UpCodes.MISSING, missing));
            }
            if (!"5.1.0".equals(p.get("version")) || !"UTF-8".equalsIgnoreCase(p.get("encoding"))
                    || !"01".equals(p.get("signMethod")) || !UpWire.validTxnTime(p.get("txnTime"))) {
                return reply(account.get(), p, UpTransactions.result(UpCodes.FORMAT,
                        "version 5.1.0, encoding UTF-8, signMethod 01 and txnTime yyyyMMddHHmmss are required"));
            }
            if (!account.get().merchantCertId().equals(p.get("certId")) || !UpWire.verify(account.get().merchantPublicKey(), p)) {
                return reply(account.get(), p, UpTransactions.result(UpCodes.SIGNATURE, null));
            }
            return reply(account.get(), p, transaction.apply(account.get(), p));
        }, () -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
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

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> p.put(name, values.length == 0 ? "" : values[0]));
        return p;
    }
}
