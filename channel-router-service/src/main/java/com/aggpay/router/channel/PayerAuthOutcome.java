package com.aggpay.router.channel;

/**
 * What exchanging a wallet's one-time authorisation code for the payer's id came to. A refusal is the wallet's own
 * clear "no" to the code (used, expired, for another app); {@link Unavailable} means no clear answer was had
 * (transport, 5xx, bad signature, busy), so the payer may simply try again.
 */
public sealed interface PayerAuthOutcome {

    /**
     * @param payerId the payer as the issuing app knows them
     * @param idKind  which of the wallet's ids it is
     * @param appId   the app that issued the id (WeChat appid, Alipay app_id); null when the id is not per app
     */
    record Identified(String payerId, IdKind idKind, String appId) implements PayerAuthOutcome {
    }

    record Refused(String code, String detail) implements PayerAuthOutcome {
    }

    record Unavailable(String code, String detail) implements PayerAuthOutcome {
    }

    /** The kinds of payer id the wallets hand out; the order's channel_extra key follows from it. */
    enum IdKind {
        /** WeChat openid, per official account */
        OPENID,
        /** Alipay user_id (2088…), the buyer_id of trades */
        USER_ID,
        /** Alipay OpenID of apps created since 2023, the buyer_open_id of trades */
        OPEN_ID,
        /** UnionPay appUserId, per wallet app */
        APP_USER_ID
    }
}
