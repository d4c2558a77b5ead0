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

    /**
     * Every channel as a new platform has it: no simulator fault left by an earlier test, every circuit closed. For
     * tests that need the demo merchant's channels usable whatever ran before them.
     */
    static void healAllChannels() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform().simulatorUrl() + "/_sim/faults"))
                .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                platform().gatewayUrl() + "/api/admin/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"admin-local-only\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(login.body()).get("token")
                .asString();
        for (String channel : java.util.List.of("wxpay-a", "wxpay-b", "wxpay-v2", "alipay-a", "alipay-b",
                "unionpay-a")) {
            java.net.http.HttpResponse<String> reset = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(platform().gatewayUrl() + "/api/admin/channels/" + channel + "/circuit/reset"))
                    .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (reset.statusCode() != 200) {
                throw new IllegalStateException("circuit reset of " + channel + ": " + reset.statusCode() + " "
                        + reset.body());
            }
        }
    }
}
