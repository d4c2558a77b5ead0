package com.aggpay.gateway.auth;

import static com.aggpay.gateway.auth.StubServices.LIMITED_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.gateway.app.RateLimit;
import com.aggpay.gateway.limits.AppRateLimiter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RateLimitIT extends GatewayITSupport {

    private static final String ORDERS = "/api/v1/pay/orders";

    @Test
    void forty_quick_calls_past_a_limit_of_5_per_second_get_signed_429s_with_retry_after() {
        long start = System.nanoTime();
        List<HttpResponse<byte[]>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(send(call(StubServices.LIMITED_APP)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        List<HttpResponse<byte[]>> passed = responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<HttpResponse<byte[]>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(passed.size() + limited.size()).isEqualTo(40);
        // the burst of 5, plus 5 per second the loop took
        assertThat(passed.size()).isBetween(5, 5 + (int) Math.ceil(seconds * 5));
        assertThat(limited).isNotEmpty().allSatisfy(response -> {
            assertProblem(response, 429, "RATE_LIMITED");
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive());
            assertSignedBy(LIMITED_SECRET, response);
        });
        assertThat(STUBS.orderServiceCalls)
                .filteredOn(call -> StubServices.LIMITED_APP.equals(call.header("X-Aggpay-App-Id")))
                .hasSize(passed.size());
    }

    @Test
    void an_app_past_its_limit_leaves_another_apps_calls_unaffected() {
        String busyApp = StubServices.OTHER_LIMITED_APP;
        // past its burst of 5 at 5/s: however slow this machine is, calls in a row soon outrun the refill
        boolean limited = false;
        for (int i = 0; i < 200 && !limited; i++) {
            limited = send(call(busyApp)).statusCode() == 429;
        }
        assertThat(limited).as("the busy app was limited").isTrue();

        assertThat(send(hmacSigned("POST", ORDERS, utf8("{}"))).statusCode()).isEqualTo(201);
    }

    @Test
    void the_bucket_lives_in_redis_where_a_second_gateway_instance_draws_from_it() {
        RateLimit slowLimit = new RateLimit(1L, 3L);
        String key = AppRateLimiter.bucketKey(StubServices.SLOW_APP, slowLimit);
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            ProxyManager<String> secondInstance = AppRateLimiter.proxyManager(redis);

            assertThat(send(call(StubServices.SLOW_APP)).statusCode()).isEqualTo(201);
            BucketProxy bucket = secondInstance.builder().build(key, () -> AppRateLimiter.configuration(slowLimit));
            assertThat(bucket.getAvailableTokens()).as("the gateway's call is seen").isLessThan(3);

            bucket.tryConsumeAsMuchAsPossible();
            HttpResponse<byte[]> response = send(call(StubServices.SLOW_APP));

            assertProblem(response, 429, "RATE_LIMITED");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    private java.net.http.HttpRequest.Builder call(String appId) {
        return hmacSigned(appId, LIMITED_SECRET, "POST", ORDERS, utf8("{\"mch_order_no\":\"" + freshNonce() + "\"}"),
                now(), freshNonce());
    }
}
