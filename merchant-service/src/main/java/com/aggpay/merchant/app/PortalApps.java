package com.aggpay.merchant.app;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.contracts.webhook.BoundedResolver;
import com.aggpay.contracts.webhook.WebhookTargets;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's apps from the portal (API.md): created only once the merchant is approved, secrets generated here and
 * shown once, the app secret rotated with a grace period during which the previous one still verifies, an RSA public
 * key uploaded for RSA signing, and the webhook URL set under the webhook address rules.
 */
@Service
public class PortalApps implements DisposableBean {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern PEM = Pattern.compile(
            "\\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----\\s*");
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 8192;
    static final int MAX_APPS_PER_MERCHANT = 50;

    /** The one answer that ever holds the secrets of a new app. */
    public record CreatedApp(String appId, String name, String appSecret, String webhookSecret,
                             String webhookSecretStandard, String webhookUrl) {
        @Override
        public String toString() {
            return "CreatedApp[appId=" + appId + ", secrets=<hidden>]";
        }
    }

    /** The one answer that ever holds a rotated secret. */
    public record RotatedSecret(String appId, String appSecret, OffsetDateTime previousValidUntil) {
        @Override
        public String toString() {
            return "RotatedSecret[appId=" + appId + ", previousValidUntil=" + previousValidUntil + "]";
        }
    }

    /** An app as the list shows it: no secret. */
    public record AppView(String appId, String name, AppState state, String webhookUrl, boolean rsaPublicKey,
                          OffsetDateTime previousSecretValidUntil, OffsetDateTime createdAt) {

        static AppView of(MerchantApp app, LocalDateTime now) {
            LocalDateTime graceEnd = app.getPreviousSecretValidUntil();
            return new AppView(app.getAppId(), app.getName(), app.getState(), app.getWebhookUrl(),
                    app.getRsaPublicKey() != null,
                    graceEnd == null || !graceEnd.isAfter(now) ? null : graceEnd.atOffset(ZoneOffset.UTC),
                    app.getCreatedAt() == null ? null : app.getCreatedAt().atOffset(ZoneOffset.UTC));
        }
    }

    private final MerchantApps apps;
    private final Merchants merchants;
    private final SecretBox secretBox;
    private final Clock clock;
    private final Duration rotationGrace;
    private final BoundedResolver resolver;
    private final WebhookTargets webhookTargets;

    public PortalApps(MerchantApps apps, Merchants merchants, SecretBox secretBox, Clock clock,
                      @Value("${aggpay.apps.secret-rotation-grace:24h}") Duration rotationGrace,
                      @Value("${aggpay.apps.allow-private-webhook-targets:false}") boolean allowPrivateTargets) {
        this.apps = apps;
        this.merchants = merchants;
        this.secretBox = secretBox;
        this.clock = clock;
        this.rotationGrace = rotationGrace;
        this.resolver = new BoundedResolver(Duration.ofSeconds(2), 8);
        this.webhookTargets = new WebhookTargets(allowPrivateTargets, resolver);
    }

    @Transactional
    public CreatedApp create(PortalUser user, String name, String webhookUrl) {
        user.require(MerchantRole.DEVELOPER);
        String appName = name(name);
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl(webhookUrl);
        Merchant merchant = merchants.lock(user.merchantId());
        if (merchant == null || merchant.getState() != MerchantState.APPROVED) {
            throw new ApiException(ErrorCode.MERCHANT_NOT_ACTIVE,
                    "Apps can be created once an operator has approved the merchant.");
        }
        if (apps.selectCount(Wrappers.<MerchantApp>lambdaQuery().eq(MerchantApp::getMerchantId, user.merchantId()))
                >= MAX_APPS_PER_MERCHANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "A merchant has at most " + MAX_APPS_PER_MERCHANT
                    + " apps.");
        }
        String appSecret = random(40);
        String webhookSecret = random(40);
        MerchantApp app = new MerchantApp();
        app.setAppId("app_" + random(20).toLowerCase(Locale.ROOT));
        app.setMerchantId(user.merchantId());
        app.setName(appName);
        app.setState(AppState.ACTIVE);
        app.setAppSecretEnc(secretBox.seal(appSecret));
        app.setWebhookSecretEnc(secretBox.seal(webhookSecret));
        app.setWebhookUrl(url);
        apps.insert(app);
        audit.info("event=APP_CREATED merchant_id={} app_id={} by={}", user.merchantId(), app.getAppId(),
                user.userId());
        return new CreatedApp(app.getAppId(), appName, appSecret, webhookSecret, standardWebhooksForm(webhookSecret),
                url);
    }

    public List<AppView> list(PortalUser user) {
        LocalDateTime now = LocalDateTime.now(clock);
        return apps.selectList(Wrappers.<MerchantApp>lambdaQuery().eq(MerchantApp::getMerchantId, user.merchantId())
                .orderByAsc(MerchantApp::getCreatedAt)).stream().map(app -> AppView.of(app, now)).toList();
    }

    /** One app of the user's merchant as the list shows it (the portal's test send reads its webhook URL). */
    public AppView view(PortalUser user, String appId) {
        return AppView.of(own(user, appId), LocalDateTime.now(clock));
    }

    /**
     * The new secret verifies at once; the current one becomes the previous and keeps verifying for the grace period.
     * A rotation within a grace period drops the older previous secret: at most two verify at any time.
     */
    @Transactional
    public RotatedSecret rotateSecret(PortalUser user, String appId) {
        user.require(MerchantRole.DEVELOPER);
        MerchantApp app = own(user, appId);
        String secret = random(40);
        LocalDateTime until = LocalDateTime.now(clock).plus(rotationGrace);
        apps.update(null, Wrappers.<MerchantApp>lambdaUpdate()
                .set(MerchantApp::getPreviousAppSecretEnc, app.getAppSecretEnc())
                .set(MerchantApp::getPreviousSecretValidUntil, until)
                .set(MerchantApp::getAppSecretEnc, secretBox.seal(secret))
                .eq(MerchantApp::getAppId, appId));
        audit.info("event=APP_SECRET_ROTATED merchant_id={} app_id={} previous_valid_until={} by={}",
                user.merchantId(), appId, until, user.userId());
        return new RotatedSecret(appId, secret, until.atOffset(ZoneOffset.UTC));
    }

    @Transactional
    public AppView setRsaPublicKey(PortalUser user, String appId, String pem) {
        user.require(MerchantRole.DEVELOPER);
        String normalized = rsaPublicKey(pem);
        own(user, appId);
        apps.update(null, Wrappers.<MerchantApp>lambdaUpdate().set(MerchantApp::getRsaPublicKey, normalized)
                .eq(MerchantApp::getAppId, appId));
        audit.info("event=APP_RSA_KEY_SET merchant_id={} app_id={} by={}", user.merchantId(), appId, user.userId());
        return AppView.of(apps.selectById(appId), LocalDateTime.now(clock));
    }

    @Transactional
    public AppView setWebhookUrl(PortalUser user, String appId, String webhookUrl) {
        user.require(MerchantRole.DEVELOPER);
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl(webhookUrl);
        own(user, appId);
        apps.update(null, Wrappers.<MerchantApp>lambdaUpdate().set(MerchantApp::getWebhookUrl, url)
                .eq(MerchantApp::getAppId, appId));
        audit.info("event=APP_WEBHOOK_URL_SET merchant_id={} app_id={} by={}", user.merchantId(), appId,
                user.userId());
        return AppView.of(apps.selectById(appId), LocalDateTime.now(clock));
    }

    /** Another merchant's app is answered exactly like a missing one. */
    private MerchantApp own(PortalUser user, String appId) {
        MerchantApp app = appId == null ? null : apps.selectById(appId);
        if (app == null || !app.getMerchantId().equals(user.merchantId())) {
            throw new ApiException(ErrorCode.APP_UNKNOWN, "No app with this app_id.", "app_id");
        }
        return app;
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "name must be 1 to 64 characters.", "name");
        }
        return trimmed;
    }

    private String webhookUrl(String url) {
        WebhookTargets.Verdict verdict = webhookTargets.check(url.strip());
        if (verdict instanceof WebhookTargets.Verdict.Refused refused) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "webhook_url is refused: " + refused.detail(),
                    "webhook_url");
        }
        if (verdict instanceof WebhookTargets.Verdict.Unresolvable unresolvable) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "webhook_url's host " + unresolvable.host() + " does not resolve.", "webhook_url");
        }
        return url.strip();
    }

    /** A PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) of an RSA key of 2048 to 8192 bits, re-wrapped cleanly. */
    static String rsaPublicKey(String pem) {
        var match = pem == null ? null : PEM.matcher(pem);
        if (match == null || !match.matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "public_key_pem must be a PEM block"
                    + " \"-----BEGIN PUBLIC KEY-----\" (X.509 SubjectPublicKeyInfo).", "public_key_pem");
        }
        byte[] der;
        RSAPublicKey key;
        try {
            der = Base64.getMimeDecoder().decode(match.group(1));
            if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey rsa)) {
                throw new GeneralSecurityException("not RSA");
            }
            key = rsa;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "public_key_pem is not a readable RSA public key.",
                    "public_key_pem");
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "public_key_pem must be an RSA key of " + MIN_RSA_BITS
                    + " to " + MAX_RSA_BITS + " bits; this one has " + bits + ".", "public_key_pem");
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** API.md: the webhook secret as Standard Webhooks libraries take it. */
    static String standardWebhooksForm(String webhookSecret) {
        return "whsec_" + Base64.getEncoder().encodeToString(webhookSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    @Override
    public void destroy() {
        resolver.close();
    }
}
