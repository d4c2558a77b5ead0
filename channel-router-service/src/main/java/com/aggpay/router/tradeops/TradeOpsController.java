package com.aggpay.router.tradeops;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.contracts.trade.TradeStatusAnswer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal: order-service closes and queries handed-out trades here (docs/internals.md). Not routed publicly. */
@RestController
public class TradeOpsController {

    private final CloseTrade closeTrade;
    private final QueryTrade queryTrade;

    public TradeOpsController(CloseTrade closeTrade, QueryTrade queryTrade) {
        this.closeTrade = closeTrade;
        this.queryTrade = queryTrade;
    }

    @PostMapping("/internal/trades/{outTradeNo}/close")
    public CloseTradeAnswer close(@PathVariable String outTradeNo) {
        return new CloseTradeAnswer(closeTrade.close(outTradeNo).name());
    }

    @GetMapping("/internal/trades/{outTradeNo}")
    public TradeStatusAnswer query(@PathVariable String outTradeNo) {
        return queryTrade.query(outTradeNo);
    }
}
