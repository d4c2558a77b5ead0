package com.aggpay.simulator.hooks;

import com.aggpay.simulator.account.Accounts;
import com.aggpay.simulator.alipay.AliGateway;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import com.aggpay.simulator.notify.PaymentNotifier;
import com.aggpay.simulator.unionpay.UpNumbers;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The test hooks of API.md: pay a trade, read the ledger, inject a trade the platform never opened. */
@RestController
public class SimHooksController {

    private static final Logger log = LoggerFactory.getLogger(SimHooksController.class);

    private final Ledger ledger;
    private final Accounts accounts;
    private final AliGateway aliGateway;
    private final Map<Protocol, PaymentNotifier> notifiers = new EnumMap<>(Protocol.class);

    public SimHooksController(Ledger ledger, Accounts accounts, AliGateway aliGateway, List<PaymentNotifier> notifiers) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.aliGateway = aliGateway;
        notifiers.forEach(n -> this.notifiers.put(n.protocol(), n));
    }

    @PostMapping("/_sim/pay")
    public ResponseEntity<Map<String, Object>> pay(@RequestBody Map<String, Object> body) {
        Optional<Trade> trade = Optional.empty();
        if (body.get("pay_data") instanceof String payData && !payData.isBlank()) {
            trade = ledger.findByPayData(payData).or(() -> aliGateway.openFromPayData(payData));
        } else if (body.get("out_trade_no") instanceof String no && body.get("account") instanceof String account) {
            trade = ledger.find(account, no);
        }
        if (trade.isEmpty()) {
            return conflict("TRADE_NOT_FOUND", "no trade behind this pay data / out_trade_no");
        }
        if (!trade.get().pay(OffsetDateTime.now())) {
            return conflict("TRADE_NOT_PAYABLE", "trade is " + trade.get().state());
        }
        log.info("trade paid: {} {}/{}", trade.get().protocol(), trade.get().account(), trade.get().outTradeNo());
        notifiers.get(trade.get().protocol()).paid(trade.get());
        return ResponseEntity.ok(Map.of("paid", true, "channel_trade_no", trade.get().channelTradeNo()));
    }

    @GetMapping("/_sim/trades")
    public List<Map<String, Object>> trades(@RequestParam(required = false) String account) {
        return ledger.trades(account).stream().map(SimHooksController::view).toList();
    }

    @PostMapping("/_sim/trades/inject")
    public ResponseEntity<Map<String, Object>> inject(@RequestBody Map<String, Object> body) {
        if (!(body.get("account") instanceof String account) || !(body.get("out_trade_no") instanceof String no)
                || !(body.get("amount") instanceof Number amount) || amount.longValue() < 1) {
            return ResponseEntity.badRequest().body(Map.of("error", "account, out_trade_no and amount are required"));
        }
        Protocol protocol;
        String appId;
        String channelTradeNo;
        if (accounts.wxV3(account).isPresent()) {
            protocol = Protocol.WXPAY_V3;
            appId = accounts.wxV3(account).get().appid();
            channelTradeNo = TradeNumbers.wxTransactionId();
        } else if (accounts.wxV2(account).isPresent()) {
            protocol = Protocol.WXPAY_V2;
            appId = accounts.wxV2(account).get().appid();
            channelTradeNo = TradeNumbers.wxTransactionId();
        } else if (accounts.alipay(account).isPresent()) {
            protocol = Protocol.ALIPAY;
            appId = account;
            channelTradeNo = TradeNumbers.aliTradeNo();
        } else if (accounts.unionpay(account).isPresent()) {
            protocol = Protocol.UNIONPAY;
            appId = account;
            channelTradeNo = UpNumbers.queryId();
        } else {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown account " + account));
        }
        OffsetDateTime now = OffsetDateTime.now();
        Trade trade = new Trade(protocol, account, appId, no, channelTradeNo, null,
                protocol == Protocol.ALIPAY ? "precreate" : "NATIVE", amount.longValue(), "CNY", "injected", null,
                null, null, null, now);
        if (ledger.putIfAbsent(trade) != trade) {
            return conflict("OUT_TRADE_NO_USED", "trade exists");
        }
        trade.pay(now);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(trade));
    }

    private static Map<String, Object> view(Trade trade) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("account", trade.account());
        v.put("out_trade_no", trade.outTradeNo());
        v.put("channel_trade_no", trade.channelTradeNo());
        v.put("amount", trade.amount());
        v.put("state", trade.state().name());
        v.put("refunded_amount", trade.refundedAmount());
        return v;
    }

    private static ResponseEntity<Map<String, Object>> conflict(String code, String message) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("paid", false, "code", code, "message", message));
    }
}
