package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The payer's cashier at the demo store's static code in a real browser against the real platform: runs
 * web/e2e/cashier-flow.mjs, which opens /qr/demo-store as a plain browser and inside WeChat, Alipay and UnionPay (by
 * User-Agent, authorised through the simulator, the wallets' JS bridges faked), prints each step of the story, and
 * passes only if every step did. Screenshots land in deploy/e2e-tests/target/screenshots/cashier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CashierBrowserE2EIT {

    private Platform platform;

    @BeforeAll
    void startPlatform() throws Exception {
        BrowserFlows.assumeBrowser();
        platform = SharedPlatform.platform();
        // earlier tests break channels on purpose; the payers here need them usable
        SharedPlatform.healAllChannels();
    }

    @Test
    void payers_in_each_wallet_pay_the_demo_store_code_on_the_cashier_page() throws Exception {
        int exit = BrowserFlows.run("cashier-flow.mjs", platform, BrowserFlows.screenshots("cashier"), Map.of());

        assertThat(exit).as("web/e2e/cashier-flow.mjs exit code (its steps are printed above)").isZero();
    }
}
