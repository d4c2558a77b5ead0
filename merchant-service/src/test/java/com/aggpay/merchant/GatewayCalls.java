package com.aggpay.merchant;

import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.service.testing.ServiceCallsForTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Real HTTP calls to this service as the gateway makes them: with a service token from the gateway, and the headers a
 * test chooses (e.g. {@code X-Aggpay-Operator}, set by the gateway after it verified an operator token).
 */
public final class GatewayCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayCalls() {
    }

    public static HttpRequest.Builder request(int port, String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body)
                .header(ServiceTokens.HEADER, ServiceCallsForTests.fromGateway("merchant-service"));
        return jsonBody == null ? request : request.header("Content-Type", "application/json");
    }

    public static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
