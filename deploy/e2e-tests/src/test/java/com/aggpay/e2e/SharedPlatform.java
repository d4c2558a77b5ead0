package com.aggpay.e2e;

/**
 * One running platform for every end-to-end test class in this JVM: starting six services costs far more than any
 * test, so they are started once and stopped when the JVM exits.
 */
final class SharedPlatform {

    static final String APP_SECRET = "demo-app-secret-0123456789abcdef";
    static final String WEBHOOK_SECRET = "demo-webhook-secret-0123456789ab";

    private static Platform platform;
    private static WebhookInbox inbox;

    private SharedPlatform() {
    }

    static synchronized Platform platform() throws Exception {
        if (platform == null) {
            platform = Platform.start(inbox().url());
        }
        return platform;
    }

    static synchronized WebhookInbox inbox() throws Exception {
        if (inbox == null) {
            inbox = new WebhookInbox(WEBHOOK_SECRET);
            WebhookInbox started = inbox;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return inbox;
    }

    static MerchantClient demoMerchant() throws Exception {
        return new MerchantClient(platform().gatewayUrl(), "demo-app", APP_SECRET);
    }
}
