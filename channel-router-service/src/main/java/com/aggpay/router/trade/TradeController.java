package com.aggpay.router.trade;

import com.aggpay.contracts.trade.PlaceTradeResponse;
import com.aggpay.contracts.trade.PlaceTradeRequest;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal: order-service asks for a trade here (docs/internals.md). Not routed publicly by the gateway. */
@RestController
public class TradeController {

    /**
     * The same 4 KB as API.md's cap at order create: order-service enforces it, and the router refuses more itself
     * rather than passing an unbounded map on to a channel.
     */
    static final int MAX_CHANNEL_EXTRA_BYTES = 4096;

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
        if (extraBytes(request.channelExtra()) > MAX_CHANNEL_EXTRA_BYTES) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "channel_extra",
                    "channel_extra is at most " + MAX_CHANNEL_EXTRA_BYTES + " bytes of names and values.");
        }
        return placeTrade.place(request);
    }

    /** UTF-8 bytes of every name and value: never more than the JSON that order-service caps at 4 KB (API.md). */
    static long extraBytes(Map<String, String> extra) {
        if (extra == null) {
            return 0;
        }
        long bytes = 0;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            bytes += utf8(e.getKey()) + utf8(e.getValue());
        }
        return bytes;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
