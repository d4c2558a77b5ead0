package com.aggpay.order.routing;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** channel-router-service's internal API (docs/internals.md). */
@FeignClient(name = "channel-router-service", path = "/internal")
public interface ChannelRouterClient {

    @PostMapping("/trades")
    PlaceTradeResponse placeTrade(@RequestBody PlaceTradeRequest request);
}
