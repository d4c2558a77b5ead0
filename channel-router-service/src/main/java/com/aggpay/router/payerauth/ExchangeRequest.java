package com.aggpay.router.payerauth;

/**
 * The gateway hands in the code the wallet came back with.
 *
 * @param channel   the channel {@code authorize} chose: its app issued the code
 * @param userAgent the payer's User-Agent; UnionPay's codes and ids belong to the wallet app it names
 */
record ExchangeRequest(String channel, String wallet, String code, String userAgent) {
}
