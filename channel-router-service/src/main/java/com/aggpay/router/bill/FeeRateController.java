package com.aggpay.router.bill;

import com.aggpay.contracts.trade.ChannelFeeRate;
import com.aggpay.router.store.ChannelInstances;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every channel with its current fee rate: order-service prices merchant statements with it and takes from it the
 * channels to reconcile each morning. Names and rates only, never credentials.
 */
@RestController
public class FeeRateController {

    private final ChannelInstances channels;

    public FeeRateController(ChannelInstances channels) {
        this.channels = channels;
    }

    @GetMapping("/internal/channels/fee-rates")
    public List<ChannelFeeRate> feeRates() {
        return channels.all().stream().map(r -> new ChannelFeeRate(r.getName(), r.getFeeRatePpm()))
                .sorted(Comparator.comparing(ChannelFeeRate::channel)).toList();
    }
}
