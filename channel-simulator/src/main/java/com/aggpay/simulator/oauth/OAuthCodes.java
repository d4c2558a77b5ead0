package com.aggpay.simulator.oauth;

import com.aggpay.simulator.crypto.Randoms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-time authorization codes of the OAuth stand-ins. A code names the payer it was issued for; like the wallets,
 * it works once, for the app it was issued to, within five minutes.
 */
@Component
public class OAuthCodes {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private record Issued(String appId, String payerId, boolean openId, Instant expiresAt) {
    }

    /**
     * Who an Alipay auth_code stands for, and how the app knows payers: by user_id (2088…), or by OpenID, as Alipay
     * answers apps created since 2023.
     */
    public record Grant(String payerId, boolean openId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();

    public String issue(String appId, String payerId) {
        return put(Randoms.secureAlnum(32), appId, payerId, false);
    }

    /** An Alipay auth_code whose token exchange answers an OpenID instead of a user_id. */
    public String issueForOpenId(String appId, String payerId) {
        return put(Randoms.secureAlnum(32), appId, payerId, true);
    }

    /**
     * A UnionPay userAuthCode: like the real ones, Base64 of 16 random bytes ({@code uskMsSXHS1KBLHZ90+iDzA==}), so
     * it holds {@code + / =} and a client must URL-decode it exactly once.
     */
    public String issueBase64(String appId, String payerId) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return put(Base64.getEncoder().encodeToString(bytes), appId, payerId, false);
    }

    private String put(String code, String appId, String payerId, boolean openId) {
        Instant now = Instant.now();
        codes.values().removeIf(c -> c.expiresAt().isBefore(now));
        codes.put(code, new Issued(appId, payerId, openId, now.plus(LIFETIME)));
        return code;
    }

    /** The payer behind the code, once; empty for an unknown, used, expired or other app's code. */
    public Optional<String> redeem(String appId, String code) {
        return redeemGrant(appId, code).map(Grant::payerId);
    }

    /** The payer behind the code and how the app knows payers, once; empty as for {@link #redeem}. */
    public Optional<Grant> redeemGrant(String appId, String code) {
        Issued issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.appId().equals(appId) || issued.expiresAt().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new Grant(issued.payerId(), issued.openId()));
    }

    private static byte[] sha512(String text) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable id per (app, simulated payer), shaped by {@code prefix} and {@code length} like the wallet's. */
    static String stableId(String prefix, int length, String appId, String payer, boolean digits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((appId + '|' + payer).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(hash);
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; id.length() < length; i++) {
                char c = hex.charAt(i % hex.length());
                id.append(digits ? (char) ('0' + Character.digit(c, 16) % 10) : c);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeChat openid: 28 characters, "o" first. */
    public static String wxOpenid(String appId, String payer) {
        return stableId("oSim", 28, appId, payer, false);
    }

    /** Alipay user_id (the buyer_id of trades): 16 digits starting with 2088. */
    public static String aliUserId(String appId, String payer) {
        return stableId("2088", 16, appId, payer, true);
    }

    /**
     * Alipay OpenID (apps created since 2023 get one instead of a user_id): 46 characters, per app and payer, like
     * {@code 074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5}.
     */
    public static String aliOpenId(String appId, String payer) {
        return stableId("0", 46, "openid|" + appId, payer, false);
    }

    /**
     * UnionPay appUserId: 64 Base64 characters (48 bytes) like the real ones
     * ({@code n8xBMa+IhTa3ZJ4fkU1BMbyFuQ2iYNeFadgzEEhOFe/jNwIBjM/rLR6U+nrM0jLk}), stable per wallet app (the name in
     * appUpIdentifier, e.g. {@code CloudPay}) and payer, the same for every merchant.
     */
    public static String upAppUserId(String walletApp, String payer) {
        return Base64.getEncoder().encodeToString(Arrays.copyOf(sha512("up|" + walletApp + '|' + payer), 48));
    }
}
