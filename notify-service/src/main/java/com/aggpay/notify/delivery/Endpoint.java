package com.aggpay.notify.delivery;

import com.aggpay.contracts.webhook.WebhookTargets;
import java.net.URI;
import java.util.Locale;

/**
 * The unit of isolation: the server a webhook goes to. Two events for the same scheme, host and port compete for the
 * same slots, whichever merchant they belong to; a hanging server holds only its own slots. An event without a
 * notify_url goes to its app's webhook URL, which is only looked up at delivery time, so it is keyed by its app.
 */
public final class Endpoint {

    /** Column width of {@code webhook_event.endpoint}. */
    static final int MAX_LENGTH = 320;
    /** Every URL the guard will refuse anyway shares one key: such attempts fail at once, without the network. */
    static final String INVALID = "invalid";

    private Endpoint() {
    }

    public static String keyOf(String notifyUrl, String appId) {
        if (notifyUrl == null || notifyUrl.isBlank()) {
            return "app:" + appId;
        }
        URI uri;
        try {
            uri = WebhookTargets.parse(notifyUrl);
        } catch (WebhookTargets.InvalidUrlException e) {
            return INVALID;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String key = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
