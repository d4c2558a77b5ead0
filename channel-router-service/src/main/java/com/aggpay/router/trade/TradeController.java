package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.util.Arrays;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal: order-service asks for a trade here (docs/internals.md). Not routed publicly by the gateway. */
@RestController
public class TradeController {

    private final PlaceTrade placeTrade;

    public TradeController(PlaceTrade placeTrade) {
        this.placeTrade = placeTrade;
    }

    @PostMapping("/internal/trades")
    public PlaceTradeResponse place(@RequestBody PlaceTradeRequest request) {
        if (request.payOrderId() == null || request.mchNo() == null || request.expiresAt() == null) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "pay_order_id, mch_no and expires_at are required.");
        }
        if (Arrays.stream(PayWay.values()).noneMatch(w -> w.name().equals(request.payWay()))) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "pay_way", "Unknown pay_way.");
        }
        return placeTrade.place(request);
    }
}
