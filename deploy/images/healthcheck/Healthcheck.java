import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The images' health probe for runtimes that run a command to check a container (Compose, Podman): the images are
 * FROM scratch, with no shell and no curl, so the probe is the image's own JRE. Exits 0 when the URL answers 2xx with a
 * body reporting {@code "status":"UP"} (Actuator's health and the services' {@code /readyz}), 1 otherwise.
 * Kubernetes probes the same paths with its own HTTP client and does not need it.
 *
 * <p>Usage: {@code java -cp /opt/aggpay/healthcheck Healthcheck http://127.0.0.1:8081/readyz}
 */
public final class Healthcheck {

    private static final int TIMEOUT_MILLIS = 3000;

    private Healthcheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Healthcheck <url>");
            System.exit(2);
        }
        System.exit(isUp(args[0]) ? 0 : 1);
    }

    static boolean isUp(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String text = body == null ? "" : new String(body.readNBytes(4096), StandardCharsets.UTF_8);
                boolean up = status / 100 == 2 && text.replace(" ", "").contains("\"status\":\"UP\"");
                if (!up) {
                    System.err.println(url + " answered " + status + ": " + text);
                }
                return up;
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(url + ": " + e);
            return false;
        }
    }
}
