package com.aggpay.bench;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A payment event exactly as order-service's {@code Outbox} writes one: the Jackson JSON of
 * {@code com.aggpay.contracts.event.PaymentEvent} (fields in the record's order, nulls written), {@code data} being
 * the public order object of an order that has just been paid, with its times in the display zone as order-service
 * shows them. Written by hand so the driver needs no JSON library; a test reads it back with the contract's record.
 *
 * @param mchNo the merchant's number (also the message key)
 * @param appId the app whose webhook secret notify-service signs with
 */
record PaymentEventFormat(String mchNo, String appId) {

    /** order-service's {@code aggpay.order.display-zone}. */
    private static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Shanghai");

    /** @param now the payment's time, in UTC as order-service's clock gives it */
    String json(String eventId, String notifyUrl, String payOrderId, String mchOrderNo, OffsetDateTime now) {
        String paid = display(now);
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"PaymentSucceeded\",\"occurred_at\":\"" + now
                + "\",\"mch_no\":\"" + mchNo + "\",\"app_id\":\"" + appId + "\",\"notify_url\":\"" + notifyUrl
                + "\",\"request_id\":\"req_" + eventId + "\",\"pay_order_id\":\"" + payOrderId
                + "\",\"order_seq\":1,\"data\":{\"pay_order_id\":\"" + payOrderId + "\",\"mch_no\":\"" + mchNo
                + "\",\"app_id\":\"" + appId + "\",\"mch_order_no\":\"" + mchOrderNo + "\",\"amount\":1234,"
                + "\"currency\":\"CNY\",\"pay_way\":\"WX_NATIVE\",\"subject\":\"bench\",\"state\":\"SUCCESS\","
                + "\"channel\":\"wxpay-a\",\"channel_trade_no\":\"sim_" + payOrderId + "\","
                + "\"pay_data_type\":\"CODE_URL\",\"pay_data\":\"weixin://wxpay/bizpayurl?pr=bench\","
                + "\"refunded_amount\":0,\"created_at\":\"" + paid + "\",\"expires_at\":\""
                + display(now.plusMinutes(15)) + "\",\"paid_at\":\"" + paid + "\",\"metadata\":null}}";
    }

    private static String display(OffsetDateTime t) {
        return t.atZoneSameInstant(DISPLAY_ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
