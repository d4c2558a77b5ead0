package com.aggpay.simulator.account;

import com.aggpay.simulator.SimProperties;
import com.aggpay.simulator.crypto.Pem;
import com.aggpay.simulator.crypto.Rsa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The upstream accounts and their keys, loaded once at start-up from {@code sim.keys-dir}. A missing file stops
 * the start with a message naming it: a simulator running on half its keys fails far less clearly later.
 */
@Component
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Map<String, WxV3Account> wxV3 = new LinkedHashMap<>();
    private final Map<String, AliAccount> alipay = new LinkedHashMap<>();
    private final Map<String, WxV2Account> wxV2 = new LinkedHashMap<>();
    private final Map<String, UpAccount> unionpay = new LinkedHashMap<>();
    /** A key no platform knows: BAD_SIGNATURE signs with it. */
    private final KeyPair wrongKey = Rsa.newKeyPair();

    public Accounts(SimProperties properties) {
        Path dir = Path.of(properties.keysDir() == null ? ".local/keys" : properties.keysDir()).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("simulator keys dir " + dir + " does not exist: run deploy/local/gen-keys.sh "
                    + dir + " or set AGGPAY_KEYS_DIR");
        }
        for (SimProperties.WxV3 account : properties.wxpayV3()) {
            Path d = dir.resolve("wxpay").resolve(account.mchid());
            wxV3.put(account.mchid(), new WxV3Account(account.mchid(), account.appid(),
                    Pem.publicKey(read(d, "merchant_public.pem")), Pem.privateKey(read(d, "wechatpay_private.pem")),
                    read(d, "wechatpay_public_key_id.txt").trim(), apiV3Key(d)));
        }
        for (String appId : properties.alipay().appIds()) {
            Path d = dir.resolve("alipay").resolve(appId);
            alipay.put(appId, new AliAccount(appId, Pem.publicKey(read(d, "app_public.pem")),
                    Pem.privateKey(read(d, "alipay_private.pem"))));
        }
        for (SimProperties.WxV2 account : properties.wxpayV2()) {
            String apiKey = read(dir.resolve("wxpay2").resolve(account.mchId()), "api_key.txt").trim();
            wxV2.put(account.mchId(), new WxV2Account(account.mchId(), account.appid(), apiKey));
        }
        for (String merId : properties.unionpay().merIds()) {
            Path d = dir.resolve("unionpay").resolve(merId);
            unionpay.put(merId, new UpAccount(merId, Pem.publicKey(read(d, "merchant_public.pem")),
                    read(d, "merchant_cert_id.txt").trim(), Pem.privateKey(read(d, "unionpay_private.pem")),
                    read(d, "unionpay_cert_id.txt").trim()));
        }
        log.info("loaded simulator accounts from {}: wxpay-v3 {}, alipay {}, wxpay-v2 {}, unionpay {}", dir,
                wxV3.keySet(), alipay.keySet(), wxV2.keySet(), unionpay.keySet());
    }

    public Optional<WxV3Account> wxV3(String mchid) {
        return Optional.ofNullable(mchid == null ? null : wxV3.get(mchid));
    }

    public Optional<AliAccount> alipay(String appId) {
        return Optional.ofNullable(appId == null ? null : alipay.get(appId));
    }

    public Optional<WxV2Account> wxV2(String mchId) {
        return Optional.ofNullable(mchId == null ? null : wxV2.get(mchId));
    }

    public Optional<UpAccount> unionpay(String merId) {
        return Optional.ofNullable(merId == null ? null : unionpay.get(merId));
    }

    public KeyPair wrongKey() {
        return wrongKey;
    }

    private static String apiV3Key(Path d) {
        String key = read(d, "apiv3_key.txt").trim();
        if (key.length() != 32) {
            throw new IllegalStateException(d.resolve("apiv3_key.txt") + " must hold 32 ASCII characters");
        }
        return key;
    }

    private static String read(Path d, String name) {
        Path file = d.resolve(name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("simulator key file " + file + " is missing or unreadable: run "
                    + "deploy/local/gen-keys.sh <keys-dir>", e);
        }
    }
}
