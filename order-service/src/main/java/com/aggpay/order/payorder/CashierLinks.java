package com.aggpay.order.payorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where a QR_CASHIER order is paid: the platform's cashier page for that order, on the public gateway. */
@Component
public class CashierLinks {

    private final String publicBaseUrl;

    public CashierLinks(@Value("${aggpay.cashier.public-base-url}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The {@code PAY_URL} of a QR_CASHIER order (API.md): any wallet opens it; the gateway asks which. */
    public String payUrl(String payOrderId) {
        return publicBaseUrl + "/cashier/pay/" + payOrderId;
    }
}
