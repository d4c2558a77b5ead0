package com.aggpay.order.routing;

import com.aggpay.contracts.trade.BillAnswer;
import com.aggpay.contracts.trade.ChannelFeeRate;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** channel-router-service's bills and fee rates, for reconciliation and statements; its own contextId. */
@FeignClient(name = "channel-router-service", contextId = "channelBillClient", path = "/internal")
public interface ChannelBillClient {

    /** 404 unknown channel, 501 no bill download, 503 download failed (problem documents). */
    @GetMapping("/bills/{channel}/{date}")
    BillAnswer bill(@PathVariable("channel") String channel, @PathVariable("date") String date);

    @GetMapping("/channels/fee-rates")
    List<ChannelFeeRate> feeRates();
}
