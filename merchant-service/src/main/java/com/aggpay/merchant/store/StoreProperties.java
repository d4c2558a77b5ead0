package com.aggpay.merchant.store;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl the address payers' phones reach the platform at ({@code AGGPAY_PUBLIC_BASE_URL}, the gateway):
 *                      every store's static code points at {@code {publicBaseUrl}/qr/{store_code}}. Checked at start-up
 *                      because a wrong one gets printed on posters.
 */
@ConfigurationProperties("aggpay")
public record StoreProperties(URI publicBaseUrl) {

    public StoreProperties {
        if (publicBaseUrl == null) {
            throw new IllegalArgumentException("set aggpay.public-base-url (AGGPAY_PUBLIC_BASE_URL)");
        }
        String scheme = publicBaseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || publicBaseUrl.getHost() == null
                || publicBaseUrl.getRawUserInfo() != null || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("aggpay.public-base-url must be an http(s) URL with a host and neither"
                    + " user info, query nor fragment; it is " + publicBaseUrl);
        }
    }

    /** What a store's QR code encodes. Store codes are URL-safe by construction ({@link StoreCodes}). */
    public String qrUrl(String storeCode) {
        String base = publicBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/qr/" + storeCode;
    }
}
