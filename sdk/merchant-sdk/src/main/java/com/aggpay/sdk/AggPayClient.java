package com.aggpay.sdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The merchant API from a merchant's server: every request signed as API.md says, every answer's signature checked
 * before anything in it is believed, refusals turned into {@link AggPayException}. Thread-safe; build one per app and
 * share it.
 *
 * <pre>{@code
 * AggPayClient aggpay = AggPayClient.builder().baseUrl("http://localhost:8080").appId("demo-app")
 *         .hmacSecret(System.getenv("AGGPAY_APP_SECRET")).build();
 * Order order = aggpay.createOrder(CreateOrderRequest.of("A20261126001", 1234, PayWay.WX_NATIVE, "Latte"));
 * }</pre>
 *
 * <p>Failures: {@link AggPayException} when the platform refused (verified problem answer),
 * {@link AnswerNotVerifiedException} when the answer cannot be shown to come from the platform, and
 * {@link UncheckedIOException} when no answer came (connection refused, timeout).
 */
public final class AggPayClient {

    /** What the platform accepts as an id or a merchant's number: no character needs encoding in a URL. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String API = "/api/v1";

    private final String baseUrl;
    private final String basePath;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Duration answerTolerance;

    private AggPayClient(Builder b) {
        URI base = URI.create(stripTrailingSlash(Objects.requireNonNull(b.baseUrl, "baseUrl is required")));
        if (base.getScheme() == null || base.getHost() == null || base.getRawQuery() != null) {
            throw new IllegalArgumentException("baseUrl must be like http://localhost:8080, got " + b.baseUrl);
        }
        this.baseUrl = base.getScheme() + "://" + base.getRawAuthority();
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.credentials = b.credentials();
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.answerTolerance = b.answerTolerance;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code POST /api/v1/pay/orders}: 201 for a new order, 200 with the same order for a repeated request. */
    public Order createOrder(CreateOrderRequest request) {
        return exchange("POST", API + "/pay/orders", request, Order.class);
    }

    public Order getOrder(String payOrderId) {
        return exchange("GET", API + "/pay/orders/" + safe(payOrderId, "payOrderId"), null, Order.class);
    }

    public Order getOrderByMchOrderNo(String mchOrderNo) {
        return exchange("GET", API + "/pay/orders?mch_order_no=" + safe(mchOrderNo, "mchOrderNo"), null, Order.class);
    }

    /** Closes an unpaid order; a paid one is refused with {@code 409 ORDER_ALREADY_PAID}. */
    public Order closeOrder(String payOrderId) {
        return exchange("POST", API + "/pay/orders/" + safe(payOrderId, "payOrderId") + "/close", null, Order.class);
    }

    public Refund createRefund(CreateRefundRequest request) {
        return exchange("POST", API + "/refunds", request, Refund.class);
    }

    public Refund getRefund(String refundId) {
        return exchange("GET", API + "/refunds/" + safe(refundId, "refundId"), null, Refund.class);
    }

    /**
     * Signs a request to any merchant API path (e.g. {@code /api/v1/statements/2026-11-26}) with the current time
     * and a fresh nonce; {@code pathAndQuery} exactly as it will be sent, below the base URL's own path.
     */
    public SignedRequest sign(String method, String pathAndQuery, byte[] body) {
        return credentials.sign(method, basePath + pathAndQuery, body, clock.instant().getEpochSecond(),
                Signing.newNonce());
    }

    /** {@link #sign} then {@link #send}: any call of the merchant API, answered whatever its status. */
    public Answer call(String method, String pathAndQuery, byte[] body) {
        return send(sign(method, pathAndQuery, body));
    }

    /**
     * Sends a signed request and returns the answer, whatever its status, once its signature is verified.
     *
     * @throws AnswerNotVerifiedException when the answer is unsigned, badly signed or stale
     */
    public Answer send(SignedRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Authorization", request.authorization());
        byte[] body = request.body();
        if (request.method().equals("GET") && body.length == 0) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + baseUrl + " to " + request.method() + " "
                    + request.pathAndQuery(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted waiting for AggPay"));
        }
        Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
        AnswerSignature.verify(credentials, answer, clock, answerTolerance);
        return answer;
    }

    private <T> T exchange(String method, String pathAndQuery, Object body, Class<T> type) {
        byte[] bytes = body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
        Answer answer = call(method, pathAndQuery, bytes);
        if (!answer.isSuccess()) {
            throw refusal(answer);
        }
        return Json.MAPPER.readValue(answer.body(), type);
    }

    /** The problem document's members when there is one; the status alone otherwise (e.g. an HTML 502 page). */
    private static AggPayException refusal(Answer answer) {
        JsonNode problem = null;
        if (answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                problem = Json.MAPPER.readTree(answer.body());
            } catch (RuntimeException e) {
                problem = null;
            }
        }
        String requestId = text(problem, "request_id");
        Duration retryAfter = answer.headers().firstValue("Retry-After")
                .filter(s -> s.matches("\\d{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
        return new AggPayException(answer.status(), text(problem, "code"), text(problem, "param"),
                requestId != null ? requestId : answer.requestId().orElse(null),
                text(problem, "detail") != null ? text(problem, "detail") : text(problem, "title"), retryAfter);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static String safe(String id, String what) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of [A-Za-z0-9_-], got " + id);
        }
        return id;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Either {@link #hmacSecret} or {@link #rsaPrivateKey} with {@link #platformPublicKey}. */
    public static final class Builder {

        private String baseUrl;
        private String appId;
        private String hmacSecret;
        private PrivateKey rsaPrivateKey;
        private PublicKey platformPublicKey;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Duration answerTolerance = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Where the platform's gateway answers, e.g. {@code https://pay.example.com} (without {@code /api/v1}). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /** Signs with {@code AGGPAY-HMAC-SHA256}; answers are checked with the same secret. */
        public Builder hmacSecret(String secret) {
            this.hmacSecret = secret;
            return this;
        }

        /** Signs with {@code AGGPAY-SHA256-RSA2048}; the app must have the matching public key uploaded. */
        public Builder rsaPrivateKey(PrivateKey key) {
            this.rsaPrivateKey = key;
            return this;
        }

        /** The platform's public key, which checks the answers to RSA-signed requests. */
        public Builder platformPublicKey(PublicKey key) {
            this.platformPublicKey = key;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long one call may take from sending to the whole answer. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The source of request timestamps and of "now" when judging an answer's age (tests pass a fixed one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How far an answer's signed timestamp may be from this server's clock; 5 minutes as for requests. */
        public Builder answerTolerance(Duration tolerance) {
            this.answerTolerance = Objects.requireNonNull(tolerance);
            return this;
        }

        public AggPayClient build() {
            return new AggPayClient(this);
        }

        private Credentials credentials() {
            if ((hmacSecret == null) == (rsaPrivateKey == null)) {
                throw new IllegalStateException("set exactly one of hmacSecret and rsaPrivateKey");
            }
            if (hmacSecret != null) {
                if (platformPublicKey != null) {
                    throw new IllegalStateException("platformPublicKey is for RSA apps: answers to HMAC-signed "
                            + "requests are signed with the app secret");
                }
                return Credentials.hmac(appId, hmacSecret);
            }
            return Credentials.rsa(appId, rsaPrivateKey, platformPublicKey);
        }
    }
}
