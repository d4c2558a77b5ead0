package com.aggpay.router.channel.unionpay;

import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.PayerAuthOutcome;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second step of 云闪付's silent user authorisation: the userAuthCode the wallet redirected with → the payer's
 * appUserId, by a signed 全渠道 call (txnType 00, txnSubType 10) whose signed answer is verified like every other.
 * The appUserId is per wallet app, not per merchant, so the outcome names no app.
 */
final class UpUserAuth {

    /** How UnionPay finds the wallet in a User-Agent: {@code UnionPay/<version> <app>}. */
    private static final Pattern MARK = Pattern.compile("UnionPay/[^ ]+ [0-9A-Za-z]+");
    /** The 云闪付 app itself, for a payer whose User-Agent carries no mark (UnionPay's own default). */
    static final String DEFAULT_MARK = "UnionPay/1.0 CloudPay";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UpExchange exchange;

    UpUserAuth(UpExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * @param url where the exchange is posted (UnionPay's backTransReq.do)
     * @param now the request's txnTime
     */
    PayerAuthOutcome appUserId(ChannelInstance channel, UpCredentials credentials, String url, String userAuthCode,
                               String userAgent, ZonedDateTime now) {
        UpAnswer answer = exchange.callAt(channel, credentials, url, UpRequests.userAuth(channel,
                credentials.merchantCertId(), orderId(), now.withZoneSameInstant(UpMapper.CHINA)
                        .format(UpMapper.TXN_TIME), userAuthCode, appUpIdentifier(userAgent)));
        if (answer instanceof UpAnswer.NotSent notSent) {
            return new PayerAuthOutcome.Unavailable("CONNECT_FAILED", notSent.detail());
        }
        if (answer instanceof UpAnswer.NoAnswer none) {
            return new PayerAuthOutcome.Unavailable(none.code(), none.detail());
        }
        UpAnswer.Verified v = (UpAnswer.Verified) answer;
        switch (UpMapper.answer(v.respCode())) {
            case SUCCESS:
                String appUserId = v.get("appUserId");
                return appUserId == null || appUserId.isBlank()
                        ? new PayerAuthOutcome.Unavailable("MALFORMED_RESPONSE", "answer lacks appUserId")
                        : new PayerAuthOutcome.Identified(appUserId, PayerAuthOutcome.IdKind.APP_USER_ID, null);
            case UNKNOWN:
                // timeout, busy or unclear on UnionPay's side: not a verdict on the code
                return new PayerAuthOutcome.Unavailable(v.respCode(), v.respMsg());
            default:
                return new PayerAuthOutcome.Refused(v.respCode(), v.respMsg());
        }
    }

    /** The {@code UnionPay/<version> <app>} mark of the payer's User-Agent, or {@link #DEFAULT_MARK}. */
    static String appUpIdentifier(String userAgent) {
        Matcher m = userAgent == null ? null : MARK.matcher(userAgent);
        return m != null && m.find() ? m.group() : DEFAULT_MARK;
    }

    /** 32 letters and digits, unique per exchange: UnionPay wants 8–40 and keeps no order for this call. */
    private static String orderId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return "UA" + HexFormat.of().formatHex(bytes);
    }
}
