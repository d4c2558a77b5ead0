package com.aggpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The channel simulator's test hooks (API.md): a payer paying an order, and the simulator's own ledger. */
final class Simulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    Simulator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A payer pays the trade behind this pay data in full; the simulator then notifies the platform. */
    void pays(String payData) throws Exception {
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/pay"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("pay_data", payData)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as("the simulator pays %s: %s", payData, paid.body()).isEqualTo(200);
    }

    /** Every trade one upstream account holds. */
    List<JsonNode> trades(String account) throws Exception {
        List<JsonNode> trades = new ArrayList<>();
        JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/trades?account=" + account))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).forEach(trades::add);
        return trades;
    }
}
