package com.aggpay.order.refund;

import com.aggpay.order.OrderProperties;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored refunds into the public refund object, times in the display zone like orders. */
@Component
public class RefundViews {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final OrderProperties properties;
    private final JsonMapper json;

    public RefundViews(OrderProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public RefundView view(Refund r) {
        return new RefundView(r.getRefundId(), r.getPayOrderId(), r.getMchRefundNo(), r.getAmount(),
                r.getState().name(), time(r.getCreatedAt()), time(r.getSucceededAt()));
    }

    /** The refund object as a JSON tree (snake_case like the API), for event payloads. */
    public Map<String, Object> asMap(Refund r) {
        return json.convertValue(view(r), MAP);
    }

    private String time(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(properties.order().displayZone())
                .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
