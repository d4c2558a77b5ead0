package com.aggpay.gateway.cashier;

import java.util.Optional;

/** The wallets whose in-app browser the cashier can pay in, told apart by the marks they put in the User-Agent. */
enum Wallet {
    WECHAT, ALIPAY, UNIONPAY;

    /** API.md: {@code MicroMessenger} → WeChat, {@code AlipayClient} → Alipay, {@code UnionPay} / {@code CloudPay} → 云闪付. */
    static Optional<Wallet> ofUserAgent(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        if (userAgent.contains("MicroMessenger")) {
            return Optional.of(WECHAT);
        }
        if (userAgent.contains("AlipayClient")) {
            return Optional.of(ALIPAY);
        }
        if (userAgent.contains("UnionPay") || userAgent.contains("CloudPay")) {
            return Optional.of(UNIONPAY);
        }
        return Optional.empty();
    }
}
