package com.aggpay.simulator.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * All trades, in memory: by (account, out_trade_no), and by pay token and channel trade number so that a test can
 * pay "the trade behind this pay data" without knowing which account opened it.
 */
@Component
public class Ledger {

    private static final Pattern NON_TOKEN = Pattern.compile("[^A-Za-z0-9]+");

    private final Map<String, Trade> byTradeNo = new ConcurrentHashMap<>();
    private final Map<String, Trade> byToken = new ConcurrentHashMap<>();

    /** The trade now stored under its (account, out_trade_no): the given one if it was new, else the existing one. */
    public Trade putIfAbsent(Trade trade) {
        Trade existing = byTradeNo.putIfAbsent(key(trade.account(), trade.outTradeNo()), trade);
        if (existing != null) {
            return existing;
        }
        if (trade.payToken() != null) {
            byToken.put(trade.payToken(), trade);
        }
        byToken.put(trade.channelTradeNo(), trade);
        return trade;
    }

    public Optional<Trade> find(String account, String outTradeNo) {
        return Optional.ofNullable(byTradeNo.get(key(account, outTradeNo)));
    }

    public Optional<Trade> findByChannelTradeNo(String account, String channelTradeNo) {
        Trade trade = byToken.get(channelTradeNo);
        return Optional.ofNullable(trade != null && trade.account().equals(account)
                && trade.channelTradeNo().equals(channelTradeNo) ? trade : null);
    }

    /**
     * The trade whose pay token or trade number appears in the given pay data (a code_url, an h5_url, JSAPI or APP
     * parameters as JSON, a qr_code, a trade_no): every alphanumeric run of the text is looked up.
     */
    public Optional<Trade> findByPayData(String payData) {
        for (String piece : NON_TOKEN.split(payData)) {
            if (piece.length() < 8) {
                continue;
            }
            Trade trade = byToken.get(piece);
            if (trade == null && piece.startsWith("bax")) {
                trade = byToken.get(piece.substring(3));
            }
            if (trade != null) {
                return Optional.of(trade);
            }
        }
        return Optional.empty();
    }

    public List<Trade> trades(String account) {
        return byTradeNo.values().stream()
                .filter(t -> account == null || t.account().equals(account))
                .sorted(Comparator.comparing(Trade::createdAt))
                .toList();
    }

    private static String key(String account, String outTradeNo) {
        return account + '|' + outTradeNo;
    }
}
