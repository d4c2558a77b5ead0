package com.aggpay.router.channel.wxpay.v3;

import com.aggpay.router.channel.ChannelInstance;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.app.AppServiceExtension;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import java.time.Duration;

/** The SDK objects of one channel, built once (key parsing and client set-up are too slow to repeat per call). */
record WxV3Clients(WxV3Credentials credentials, NativePayService nativePay, JsapiServiceExtension jsapi,
                   H5Service h5, AppServiceExtension app, NotificationParser notifications, RefundService refunds,
                   BillDownloadServiceExtension bills) {

    static WxV3Clients build(ChannelInstance channel, Duration connectTimeout, Duration readTimeout) {
        WxV3Credentials credentials = WxV3Credentials.of(channel);
        RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
                .merchantId(channel.accountId())
                .privateKey(credentials.merchantPrivateKey())
                .merchantSerialNumber(credentials.merchantSerialNo())
                .publicKeyId(credentials.wechatpayPublicKeyId())
                .publicKey(credentials.wechatpayPublicKey())
                .apiV3Key(credentials.apiV3Key())
                .build();
        HttpClient http = new DefaultHttpClientBuilder()
                .config(config)
                .okHttpClient(WxV3Transport.client(channel.apiBaseUrl(), connectTimeout, readTimeout))
                .connectTimeoutMs((int) connectTimeout.toMillis())
                .readTimeoutMs((int) readTimeout.toMillis())
                .disableRetryOnConnectionFailure()
                .build();
        return new WxV3Clients(credentials,
                new NativePayService.Builder().config(config).httpClient(http).build(),
                new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
                new H5Service.Builder().config(config).httpClient(http).build(),
                new AppServiceExtension.Builder().config(config).httpClient(http).build(),
                new NotificationParser(config),
                new RefundService.Builder().config(config).httpClient(http).build(),
                new BillDownloadServiceExtension.Builder().config(config).httpClient(http).build());
    }

    @Override
    public String toString() {
        return "WxV3Clients[" + credentials + "]";
    }
}
