package com.aggpay.order.routing;

import com.aggpay.contracts.trade.CloseTradeAnswer;
import com.aggpay.contracts.trade.TradeStatusAnswer;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** channel-router-service's close and query of a handed-out trade (docs/internals.md). */
@FeignClient(name = "channel-router-service", contextId = "tradeOpsClient", path = "/internal/trades")
public interface TradeOpsClient {

    @PostMapping("/{outTradeNo}/close")
    CloseTradeAnswer closeTrade(@PathVariable("outTradeNo") String outTradeNo);

    @GetMapping("/{outTradeNo}")
    TradeStatusAnswer queryTrade(@PathVariable("outTradeNo") String outTradeNo);
}
