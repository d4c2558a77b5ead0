package com.aggpay.gateway.cashier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A payer the cashier authenticated through their wallet, kept in the payer's HttpOnly cookie, sealed: the payer id
 * comes from the wallet's authorisation on the server, never from the browser. Scoped to what it was issued for
 * ({@code store:<code>} or {@code order:<pay_order_id>}): another store's code authorises again (its merchant may pay
 * through another app, for which this payer has another id).
 */
record PayerSession(Wallet wallet, String payerId, String idKind, String appId, String scope) {

    static String storeScope(String storeCode) {
        return "store:" + storeCode;
    }

    static String orderScope(String payOrderId) {
        return "order:" + payOrderId;
    }

    Map<String, String> claims() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("w", wallet.name());
        c.put("p", payerId);
        c.put("k", idKind);
        if (appId != null) {
            c.put("a", appId);
        }
        c.put("s", scope);
        return c;
    }

    static Optional<PayerSession> of(Map<String, String> c) {
        try {
            Wallet wallet = Wallet.valueOf(c.get("w"));
            if (c.get("p") == null || c.get("k") == null || c.get("s") == null) {
                return Optional.empty();
            }
            return Optional.of(new PayerSession(wallet, c.get("p"), c.get("k"), c.get("a"), c.get("s")));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The payer as order-service takes it (snake_case JSON). */
    Map<String, Object> asPayer() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("wallet", wallet.name());
        p.put("payer_id", payerId);
        p.put("id_kind", idKind);
        p.put("app_id", appId);
        return p;
    }
}
