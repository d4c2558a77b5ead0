package com.aggpay.router.payerauth;

/**
 * The payer as the wallet's app knows them.
 *
 * @param idKind OPENID, USER_ID, OPEN_ID or APP_USER_ID: which channel_extra key the order carries it in
 * @param appId  the app that issued the id (WeChat appid, Alipay app_id); null for UnionPay, whose ids are per wallet
 */
record ExchangeAnswer(String payerId, String idKind, String channel, String appId) {
}
