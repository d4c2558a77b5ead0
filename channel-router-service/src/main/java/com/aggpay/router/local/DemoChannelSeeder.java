package com.aggpay.router.local;

import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.store.ChannelInstanceRow;
import com.aggpay.router.store.ChannelInstanceRows;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.store.MerchantContractRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Local mode only: the demo channels of API.md, pointing at the simulator, with the platform's halves of the key
 * files made by {@code deploy/local/gen-keys.sh}, and the demo merchant contracted to all of them. Idempotent: each
 * start re-reads the key files, so regenerated keys are picked up.
 */
@Component
@Profile("local")
public class DemoChannelSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChannelSeeder.class);
    static final String DEMO_MCH_NO = "M10001";
    /** 50,000 yuan a transaction: a typical small-merchant channel limit */
    private static final long DEMO_MAX_AMOUNT = 5_000_000L;
    private static final Set<PayWay> WX_V3 = EnumSet.of(PayWay.WX_NATIVE, PayWay.WX_JSAPI, PayWay.WX_H5, PayWay.WX_APP);
    private static final Set<PayWay> WX_V2 = WX_V3;
    private static final Set<PayWay> UNIONPAY = EnumSet.of(PayWay.UP_QR, PayWay.UP_JSAPI);
    /** The demo official accounts' AppSecret: the simulator's OAuth stand-in only checks that one is sent. */
    private static final String DEMO_OAUTH_APP_SECRET = "demo-oauth-app-secret";
    private static final Set<PayWay> ALIPAY = EnumSet.of(PayWay.ALI_QR, PayWay.ALI_WAP, PayWay.ALI_PC, PayWay.ALI_APP,
            PayWay.ALI_JSAPI);

    private final ChannelInstanceRows rows;
    private final MerchantContractRows contracts;
    private final ChannelInstances instances;
    private final Clock clock;
    private final Path keysDir;
    private final String simulatorUrl;

    public DemoChannelSeeder(ChannelInstanceRows rows, MerchantContractRows contracts, ChannelInstances instances,
                             Clock clock, @Value("${aggpay.demo.keys-dir}") String keysDir,
                             @Value("${aggpay.demo.simulator-url}") String simulatorUrl) {
        this.rows = rows;
        this.contracts = contracts;
        this.instances = instances;
        this.clock = clock;
        this.keysDir = Path.of(keysDir).toAbsolutePath();
        this.simulatorUrl = simulatorUrl;
    }

    /**
     * Replicas started together seed at once: the one whose insert loses to the other's sees a duplicate key, and
     * seeding again then finds the other's rows and only corrects what differs.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!Files.isDirectory(keysDir)) {
            throw new IllegalStateException("local mode needs the demo key files in " + keysDir
                    + " (AGGPAY_KEYS_DIR); make them with deploy/local/gen-keys.sh");
        }
        try {
            seed();
        } catch (DuplicateKeyException raced) {
            log.info("another replica was seeding the demo channels at the same time; seeding again over its rows");
            seed();
        }
    }

    private void seed() {
        wxV3("wxpay-a", "1900000001", "wx0000000000000001", 10, 3800);
        wxV3("wxpay-b", "1900000002", "wx0000000000000002", 20, 6000);
        alipay("alipay-a", "2021000000000001", 10, 3800);
        alipay("alipay-b", "2021000000000002", 20, 6000);
        wxV2("wxpay-v2", "1900000003", "wx0000000000000003", 30, 6000);
        unionPay("unionpay-a", "777290058110001", 10, 3800);
        log.info("demo channels seeded from {} against {}", keysDir, simulatorUrl);
    }

    private void wxV3(String name, String mchid, String appid, int priority, int feeRatePpm) {
        Path dir = keysDir.resolve("wxpay").resolve(mchid);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("appid", appid);
        credentials.put("merchant_private_key", read(dir, "merchant_private.pem"));
        credentials.put("merchant_serial_no", read(dir, "merchant_serial.txt"));
        credentials.put("wechatpay_public_key_id", read(dir, "wechatpay_public_key_id.txt"));
        credentials.put("wechatpay_public_key", read(dir, "wechatpay_public.pem"));
        credentials.put("api_v3_key", read(dir, "apiv3_key.txt"));
        credentials.put("oauth_app_secret", DEMO_OAUTH_APP_SECRET);
        upsert(name, ChannelType.WXPAY_V3, mchid, WX_V3, priority, feeRatePpm, credentials);
    }

    private void wxV2(String name, String mchId, String appid, int priority, int feeRatePpm) {
        Path dir = keysDir.resolve("wxpay2").resolve(mchId);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("appid", appid);
        credentials.put("api_key", read(dir, "api_key.txt"));
        credentials.put("sign_type", "HMAC-SHA256");
        credentials.put("oauth_app_secret", DEMO_OAUTH_APP_SECRET);
        upsert(name, ChannelType.WXPAY_V2, mchId, WX_V2, priority, feeRatePpm, credentials);
    }

    private void unionPay(String name, String merId, int priority, int feeRatePpm) {
        Path dir = keysDir.resolve("unionpay").resolve(merId);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("merchant_private_key", read(dir, "merchant_private.pem"));
        credentials.put("merchant_cert_id", read(dir, "merchant_cert_id.txt"));
        credentials.put("unionpay_public_key", read(dir, "unionpay_public.pem"));
        credentials.put("unionpay_cert_id", read(dir, "unionpay_cert_id.txt"));
        upsert(name, ChannelType.UNIONPAY, merId, UNIONPAY, priority, feeRatePpm, credentials);
    }

    private void alipay(String name, String appId, int priority, int feeRatePpm) {
        Path dir = keysDir.resolve("alipay").resolve(appId);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("app_private_key", read(dir, "app_private.pem"));
        credentials.put("alipay_public_key", read(dir, "alipay_public.pem"));
        upsert(name, ChannelType.ALIPAY, appId, ALIPAY, priority, feeRatePpm, credentials);
    }

    private void upsert(String name, ChannelType type, String accountId, Set<PayWay> payWays, int priority,
                        int feeRatePpm, Map<String, String> credentials) {
        LocalDateTime now = LocalDateTime.now(clock);
        ChannelInstanceRow existing = rows.selectById(name);
        ChannelInstanceRow row = existing != null ? existing : new ChannelInstanceRow();
        row.setName(name);
        row.setType(type.name());
        row.setAccountId(accountId);
        row.setPayWays(ChannelInstances.payWaysCsv(payWays));
        row.setEnabled(true);
        row.setPriority(priority);
        row.setFeeRatePpm(feeRatePpm);
        row.setMinAmount(1);
        row.setMaxAmount(DEMO_MAX_AMOUNT);
        row.setApiBaseUrl(simulatorUrl);
        row.setCredentialsEnc(instances.seal(credentials));
        row.setUpdatedAt(now);
        if (existing == null) {
            row.setCreatedAt(now);
            rows.insert(row);
        } else {
            rows.updateById(row);
        }
        contracts.contract(DEMO_MCH_NO, name);
    }

    private static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("missing demo key file " + dir.resolve(file), e);
        }
    }
}
