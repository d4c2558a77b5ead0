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

    public PayOrderViews(OrderProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public PayOrderView view(PayOrder o) {
        return new PayOrderView(o.getPayOrderId(), o.getMchNo(), o.getAppId(), o.getMchOrderNo(), o.getAmount(),
                o.getCurrency(), o.getPayWay(), o.getSubject(), o.getState().name(), o.getChannel(),
                o.getChannelTradeNo(), o.getPayDataType(), o.getPayData(), o.getRefundedAmount(),
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
