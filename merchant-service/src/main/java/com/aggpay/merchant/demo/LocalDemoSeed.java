package com.aggpay.merchant.demo;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.merchant.app.AppState;
import com.aggpay.merchant.app.MerchantApp;
import com.aggpay.merchant.app.MerchantApps;
import com.aggpay.merchant.app.RateLimit;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.operator.Operator;
import com.aggpay.merchant.operator.OperatorRole;
import com.aggpay.merchant.operator.Operators;
import com.aggpay.merchant.portal.account.MerchantUser;
import com.aggpay.merchant.portal.account.MerchantUsers;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.store.MerchantStore;
import com.aggpay.merchant.store.MerchantStores;
import com.aggpay.merchant.store.StoreState;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo data of API.md in local mode only. Runs on every start and converges: whatever is stored,
 * afterwards the demo merchant is approved and the demo app and operator have exactly the documented secrets.
 */
@Component
@Profile("local")
@EnableConfigurationProperties(DemoProperties.class)
public class LocalDemoSeed implements ApplicationRunner {

    public static final String MCH_NO = "M10001";
    public static final String APP_ID = "demo-app";
    public static final String APP_SECRET = "demo-app-secret-0123456789abcdef";
    public static final String WEBHOOK_SECRET = "demo-webhook-secret-0123456789ab";
    /** API.md: the merchant portal login of M10001. */
    public static final String PORTAL_EMAIL = "demo@aggpay.local";
    public static final String PORTAL_PASSWORD = "demo-merchant-local-only";
    static final String PORTAL_USER_ID = "mu_demo";
    public static final String OPERATOR = "admin";
    public static final String OPERATOR_PASSWORD = "admin-local-only";
    /** API.md: high enough for benchmarks (at least 5,000 requests/s). */
    public static final RateLimit APP_RATE_LIMIT = new RateLimit(5000, 10000);
    static final String MERCHANT_ID = "mer_demo";
    /** API.md: the store of M10001 whose static code points at {public base URL}/qr/demo-store. */
    public static final String STORE_CODE = "demo-store";
    public static final String STORE_NAME = "Demo Store";

    private static final Logger log = LoggerFactory.getLogger(LocalDemoSeed.class);

    private final Merchants merchants;
    private final MerchantApps apps;
    private final Operators operators;
    private final MerchantUsers users;
    private final MerchantStores stores;
    private final SecretBox secretBox;
    private final PasswordEncoder passwordEncoder;
    private final DemoProperties demo;
    private final TransactionTemplate tx;

    LocalDemoSeed(Merchants merchants, MerchantApps apps, Operators operators, MerchantUsers users,
                  MerchantStores stores, SecretBox secretBox, PasswordEncoder passwordEncoder, DemoProperties demo,
                  TransactionTemplate tx) {
        this.users = users;
        this.stores = stores;
        this.merchants = merchants;
        this.apps = apps;
        this.operators = operators;
        this.secretBox = secretBox;
        this.passwordEncoder = passwordEncoder;
        this.demo = demo;
        this.tx = tx;
    }

    /**
     * Replicas started together seed at once: the one whose insert loses to the other's sees a duplicate key, and
     * seeding again then finds the other's rows and only corrects what differs.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            seed();
        } catch (DuplicateKeyException raced) {
            log.info("another replica was seeding the demo data at the same time; seeding again over its rows");
            seed();
        }
    }

    public void seed() {
        tx.executeWithoutResult(status -> {
            Merchant merchant = seedMerchant();
            seedApp(merchant.getMerchantId());
            seedStore(merchant.getMerchantId());
            seedPortalUser(merchant.getMerchantId());
            seedOperator();
        });
        log.info("local demo data in place: mch_no={} app_id={} store_code={} operator={}", MCH_NO, APP_ID, STORE_CODE,
                OPERATOR);
    }

    private Merchant seedMerchant() {
        Merchant merchant = merchants.findByMchNo(MCH_NO).orElse(null);
        if (merchant == null) {
            merchant = new Merchant();
            merchant.setMerchantId(MERCHANT_ID);
            merchant.setMchNo(MCH_NO);
            merchant.setCompanyName("AggPay Demo Shop");
            merchant.setState(MerchantState.APPROVED);
            merchants.insert(merchant);
        } else if (merchant.getState() != MerchantState.APPROVED) {
            merchants.update(null, Wrappers.<Merchant>lambdaUpdate()
                    .set(Merchant::getState, MerchantState.APPROVED)
                    .set(Merchant::getRejectReason, null)
                    .eq(Merchant::getMerchantId, merchant.getMerchantId()));
        }
        return merchant;
    }

    private void seedApp(String merchantId) {
        MerchantApp app = apps.findById(APP_ID).orElse(null);
        if (app == null) {
            app = new MerchantApp();
            app.setAppId(APP_ID);
            app.setMerchantId(merchantId);
            app.setName("Demo app");
            app.setState(AppState.ACTIVE);
            app.setAppSecretEnc(secretBox.seal(APP_SECRET));
            app.setWebhookSecretEnc(secretBox.seal(WEBHOOK_SECRET));
            app.setWebhookUrl(demo.webhookUrl());
            app.setRateLimitPerSecond(APP_RATE_LIMIT.perSecond());
            app.setRateLimitBurst(APP_RATE_LIMIT.burst());
            apps.insert(app);
            return;
        }
        boolean changed = false;
        if (!holds(app.getAppSecretEnc(), APP_SECRET)) {
            app.setAppSecretEnc(secretBox.seal(APP_SECRET));
            changed = true;
        }
        if (!holds(app.getWebhookSecretEnc(), WEBHOOK_SECRET)) {
            app.setWebhookSecretEnc(secretBox.seal(WEBHOOK_SECRET));
            changed = true;
        }
        if (app.getState() != AppState.ACTIVE || !merchantId.equals(app.getMerchantId())
                || !Objects.equals(app.getWebhookUrl(), demo.webhookUrl())) {
            app.setState(AppState.ACTIVE);
            app.setMerchantId(merchantId);
            app.setWebhookUrl(demo.webhookUrl());
            changed = true;
        }
        if (!Objects.equals(app.getRateLimitPerSecond(), APP_RATE_LIMIT.perSecond())
                || !Objects.equals(app.getRateLimitBurst(), APP_RATE_LIMIT.burst())) {
            app.setRateLimitPerSecond(APP_RATE_LIMIT.perSecond());
            app.setRateLimitBurst(APP_RATE_LIMIT.burst());
            changed = true;
        }
        if (changed) {
            apps.updateById(app);
            log.info("demo app {} brought back to the documented demo values", APP_ID);
        }
    }

    /** The demo store is active and bound to the demo app even after it was disabled or re-issued in the portal. */
    private void seedStore(String merchantId) {
        MerchantStore store = stores.findByCode(STORE_CODE).orElse(null);
        if (store == null) {
            store = new MerchantStore();
            store.setStoreCode(STORE_CODE);
            store.setMerchantId(merchantId);
            store.setAppId(APP_ID);
            store.setName(STORE_NAME);
            store.setState(StoreState.ACTIVE);
            stores.insert(store);
        } else if (store.getState() != StoreState.ACTIVE || store.getReplacedBy() != null
                || !merchantId.equals(store.getMerchantId()) || !APP_ID.equals(store.getAppId())
                || !STORE_NAME.equals(store.getName())) {
            store.setMerchantId(merchantId);
            store.setAppId(APP_ID);
            store.setName(STORE_NAME);
            store.setState(StoreState.ACTIVE);
            store.setReplacedBy(null);
            stores.updateById(store);
            log.info("demo store {} brought back to the documented demo values", STORE_CODE);
        }
    }

    /** True when the sealed value opens to the expected secret under the current key. */
    private boolean holds(String sealed, String expected) {
        try {
            return !secretBox.needsRotation(sealed) && expected.equals(secretBox.open(sealed));
        } catch (RuntimeException e) {
            // Sealed under a key this start does not have (or corrupted): local data, so just seal it again.
            return false;
        }
    }

    private void seedPortalUser(String merchantId) {
        MerchantUser user = users.findByEmail(PORTAL_EMAIL).orElse(null);
        if (user == null) {
            user = new MerchantUser();
            user.setUserId(PORTAL_USER_ID);
            user.setMerchantId(merchantId);
            user.setEmail(PORTAL_EMAIL);
            user.setPasswordHash(passwordEncoder.encode(PORTAL_PASSWORD));
            user.setRole(MerchantRole.OWNER);
            users.insert(user);
        } else if (!merchantId.equals(user.getMerchantId()) || user.getRole() != MerchantRole.OWNER
                || user.isDisabled() || !passwordEncoder.matches(PORTAL_PASSWORD, user.getPasswordHash())) {
            user.setMerchantId(merchantId);
            user.setRole(MerchantRole.OWNER);
            user.setDisabledAt(null);
            user.setPasswordHash(passwordEncoder.encode(PORTAL_PASSWORD));
            users.updateById(user);
        }
    }

    private void seedOperator() {
        Operator operator = operators.findByUsername(OPERATOR).orElse(null);
        if (operator == null) {
            operator = new Operator();
            operator.setUsername(OPERATOR);
            operator.setPasswordHash(passwordEncoder.encode(OPERATOR_PASSWORD));
            operator.setRole(OperatorRole.OPERATOR);
            operators.insert(operator);
        } else if (operator.getRole() != OperatorRole.OPERATOR
                || !passwordEncoder.matches(OPERATOR_PASSWORD, operator.getPasswordHash())) {
            operator.setRole(OperatorRole.OPERATOR);
            operator.setPasswordHash(passwordEncoder.encode(OPERATOR_PASSWORD));
            operators.updateById(operator);
        }
    }
}
