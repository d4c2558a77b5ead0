package com.aggpay.order.payorder;

import com.aggpay.order.OrderProperties;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored orders into the public order object, with times in the display zone as RFC 3339. */
@Component
public class PayOrderViews {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final OrderProperties properties;
    private final JsonMapper json;
    private final CashierLinks cashierLinks;

    public PayOrderViews(OrderProperties properties, JsonMapper json, CashierLinks cashierLinks) {
        this.properties = properties;
        this.json = json;
        this.cashierLinks = cashierLinks;
    }

    /**
     * The order as the merchant sees it. A QR_CASHIER order's pay data is always the link to the platform's cashier
     * for it: the wallet's own parameters, once a payer's wallet opened a trade, are for that payer's page only.
     */
    public PayOrderView view(PayOrder o) {
        boolean link = o.isCashierLink();
        return new PayOrderView(o.getPayOrderId(), o.getMchNo(), o.getAppId(), o.getMchOrderNo(), o.getAmount(),
                o.getCurrency(), o.getPayWay(), o.getSubject(), o.getState().name(), o.getChannel(),
                o.getChannelTradeNo(), link ? "PAY_URL" : o.getPayDataType(),
                link ? cashierLinks.payUrl(o.getPayOrderId()) : o.getPayData(), o.getRefundedAmount(),
                time(o.getCreatedAt()), time(o.getExpiresAt()), time(o.getPaidAt()), readMap(o.getMetadata()));
    }

    /** The order object as a JSON tree, for event payloads. */
    public Map<String, Object> asMap(PayOrder o) {
        return json.convertValue(view(o), MAP);
    }

    public String writeMap(Map<String, ?> map) {
        return map == null ? null : json.writeValueAsString(map);
    }

    public Map<String, Object> readMap(String stored) {
        return stored == null ? null : json.readValue(stored, MAP);
    }

    private String time(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(properties.order().displayZone())
                .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
