package com.aggpay.simulator.alipay;

import com.aggpay.simulator.account.AliAccount;
import com.aggpay.simulator.ledger.Ledger;
import com.aggpay.simulator.ledger.Protocol;
import com.aggpay.simulator.ledger.Trade;
import com.aggpay.simulator.ledger.TradeNumbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The trade methods of the Alipay gateway, after the signature has been verified. */
@Component
class AliTrades {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-]{1,64}");
    private static final BigDecimal MAX_YUAN = new BigDecimal("100000000.00");

    private final Ledger ledger;

    AliTrades(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Kind, business content and notify_url together: a repeat must match all three. */
    record Params(String method, JsonNode biz, String notifyUrl) {
    }

    /** A business answer: fields of a 10000 answer, or a 40004-style error, and the trade if one is involved. */
    record Result(String code, String subCode, String subMsg, Map<String, Object> fields, Trade trade) {
        static Result ok(Map<String, Object> fields, Trade trade) {
            return new Result("10000", null, null, fields, trade);
        }

        static Result fail(String code, String subCode, String subMsg) {
            return new Result(code, subCode, subMsg, Map.of(), null);
        }

        boolean success() {
            return "10000".equals(code);
        }
    }

    /** precreate, create and the payer-opened methods (wap.pay, page.pay, app.pay). */
    Result open(AliAccount account, String method, JsonNode biz, String notifyUrl) {
        String outTradeNo = biz.path("out_trade_no").asString("");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            return invalid("out_trade_no must be 1-64 characters of [0-9A-Za-z_-]");
        }
        Long fen = fen(biz.path("total_amount").asString(""));
        if (fen == null) {
            return invalid("total_amount must be a yuan amount with at most 2 decimals, 0.01-100000000.00");
        }
        String subject = biz.path("subject").asString("");
        if (subject.isEmpty() || subject.length() > 256) {
            return invalid("subject must be 1-256 characters");
        }
        String buyer = biz.path("buyer_id").asString(biz.path("buyer_open_id").asString(""));
        if ("alipay.trade.create".equals(method) && buyer.isEmpty()) {
            return invalid("buyer_id is required");
        }
        boolean precreate = "alipay.trade.precreate".equals(method);
        Trade trade = new Trade(Protocol.ALIPAY, account.appId(), account.appId(), outTradeNo,
                TradeNumbers.aliTradeNo(), precreate ? TradeNumbers.aliQrToken() : null,
                method.substring("alipay.trade.".length()), fen, "CNY", subject, buyer.isEmpty() ? null : buyer,
                notifyUrl, new Params(method, biz, notifyUrl), null, OffsetDateTime.now());
        Trade stored = ledger.putIfAbsent(trade);
        if (stored != trade) {
            switch (stored.state()) {
                case PAID, REFUNDED -> {
                    return Result.fail("40004", "ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
                }
                case CLOSED -> {
                    return Result.fail("40004", "ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
                }
                case NOTPAY -> {
                    if (!stored.createParams().equals(trade.createParams())) {
                        return Result.fail("40004", "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
                    }
                }
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("out_trade_no", stored.outTradeNo());
        if (precreate) {
            fields.put("qr_code", "https://qr.alipay.com/bax" + stored.payToken());
        } else {
            fields.put("trade_no", stored.channelTradeNo());
        }
        return Result.ok(fields, stored);
    }

    Result query(AliAccount account, JsonNode biz) {
        Optional<Trade> found = find(account, biz);
        if (found.isEmpty()) {
            return Result.fail("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        Trade trade = found.get();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trade_no", trade.channelTradeNo());
        fields.put("out_trade_no", trade.outTradeNo());
        fields.put("trade_status", tradeStatus(trade));
        fields.put("total_amount", yuan(trade.amount()));
        if (trade.paidAt() != null) {
            fields.put("buyer_logon_id", "sim***@example.com");
            fields.put("buyer_user_id", buyerId(trade));
            fields.put("buyer_pay_amount", yuan(trade.amount()));
            fields.put("receipt_amount", yuan(trade.amount()));
            fields.put("send_pay_date", trade.paidAt().atZoneSameInstant(TradeNumbers.CHINA).format(TIME));
        }
        return Result.ok(fields, trade);
    }

    Result close(AliAccount account, JsonNode biz) {
        Optional<Trade> found = find(account, biz);
        if (found.isEmpty()) {
            return Result.fail("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        if (!found.get().close()) {
            return Result.fail("40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trade_no", found.get().channelTradeNo());
        fields.put("out_trade_no", found.get().outTradeNo());
        return Result.ok(fields, found.get());
    }

    static String tradeStatus(Trade trade) {
        return switch (trade.state()) {
            case NOTPAY -> "WAIT_BUYER_PAY";
            case PAID -> "TRADE_SUCCESS";
            case CLOSED, REFUNDED -> "TRADE_CLOSED";
        };
    }

    static String buyerId(Trade trade) {
        return trade.payerId() != null ? trade.payerId() : "2088" + trade.account().substring(4);
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Exact yuan → fen, or null when the text is not a valid amount. */
    static Long fen(String yuan) {
        try {
            BigDecimal amount = new BigDecimal(yuan);
            if (amount.scale() > 2 || amount.signum() <= 0 || amount.compareTo(MAX_YUAN) > 0) {
                return null;
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    Optional<Trade> find(AliAccount account, JsonNode biz) {
        String outTradeNo = biz.path("out_trade_no").asString("");
        if (!outTradeNo.isEmpty()) {
            return ledger.find(account.appId(), outTradeNo);
        }
        return ledger.findByChannelTradeNo(account.appId(), biz.path("trade_no").asString(""));
    }

    private static Result invalid(String message) {
        return Result.fail("40004", "ACQ.INVALID_PARAMETER", message);
    }
}
