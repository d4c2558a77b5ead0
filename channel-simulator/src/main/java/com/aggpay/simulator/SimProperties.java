package com.aggpay.simulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * @param keysDir     the local key layout of docs/internals.md; the simulator reads only its own halves
 * @param holdTimeout how long TIMEOUT_AFTER_ACCEPT keeps a create call unanswered
 * @param notifications asynchronous notification delivery ({@code sim.notify.*})
 * @param wxpayV3     WeChat Pay v3 merchants (mchid and the appid bound to it)
 * @param alipay      Alipay app_ids
 * @param wxpayV2     WeChat Pay v2 merchants (mch_id and the appid bound to it)
 * @param unionpay    UnionPay merIds
 */
@ConfigurationProperties("sim")
public record SimProperties(String keysDir, Duration holdTimeout, @Name("notify") Notify notifications,
                            List<WxV3> wxpayV3, Alipay alipay, List<WxV2> wxpayV2,
                            Unionpay unionpay) {

    public SimProperties {
        holdTimeout = holdTimeout == null ? Duration.ofMinutes(5) : holdTimeout;
        wxpayV3 = wxpayV3 == null ? List.of() : wxpayV3;
        wxpayV2 = wxpayV2 == null ? List.of() : wxpayV2;
        alipay = alipay == null ? new Alipay(List.of()) : alipay;
        unionpay = unionpay == null ? new Unionpay(List.of()) : unionpay;
        notifications = notifications == null ? new Notify(null, null) : notifications;
    }

    /** @param retryDelays waits between delivery attempts (the real WeChat schedule is 15s, 15s, 30s, 3m … 6h) */
    public record Notify(List<Duration> retryDelays, Duration timeout) {
        public Notify {
            retryDelays = retryDelays == null ? List.of(Duration.ofSeconds(2), Duration.ofSeconds(5)) : retryDelays;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    public record WxV3(String mchid, String appid) {
    }

    public record WxV2(String mchId, String appid) {
    }

    public record Alipay(List<String> appIds) {
        public Alipay {
            appIds = appIds == null ? List.of() : appIds;
        }
    }

    public record Unionpay(List<String> merIds) {
        public Unionpay {
            merIds = merIds == null ? List.of() : merIds;
        }
    }
}
