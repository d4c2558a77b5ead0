package com.aggpay.router.channel.wxpay.v3;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OkHttp client under the SDK. It points {@code api.mch.weixin.qq.com} at the channel's base URL (the request
 * signature covers only path and query, so it stays valid), and records on the calling thread whether a request
 * reached the wire: a failure before that is a definite rejection, after it the outcome is unknown.
 */
final class WxV3Transport {

    private static final ThreadLocal<Boolean> SENT = ThreadLocal.withInitial(() -> false);

    private WxV3Transport() {
    }

    static OkHttpClient client(String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        HttpUrl base = HttpUrl.get(apiBaseUrl);
        Interceptor rewrite = chain -> {
            Request request = chain.request();
            HttpUrl url = request.url();
            if (url.host().endsWith("mch.weixin.qq.com") && !url.host().equals(base.host())) {
                url = url.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
                request = request.newBuilder().url(url).build();
            }
            return chain.proceed(request);
        };
        // A network interceptor runs only once a connection (TCP and TLS) is up, right before the request is written.
        Interceptor sent = chain -> {
            SENT.set(true);
            return chain.proceed(chain.request());
        };
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // A silent OkHttp retry of a POST would blur "sent" / "not sent"; the router decides retries.
                .retryOnConnectionFailure(false)
                .addInterceptor(rewrite)
                .addNetworkInterceptor(sent)
                .build();
    }

    /** Call before each upstream call on this thread. */
    static void reset() {
        SENT.set(false);
    }

    /** Whether the last call on this thread got as far as writing its request. */
    static boolean sent() {
        return SENT.get();
    }
}
