package com.aggpay.router.callback;

import com.aggpay.router.channel.ChannelNotification;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public channel callbacks (API.md), reached through the gateway. The raw body is kept byte-exact for signatures. */
@RestController
public class ChannelCallbackController {

    private final HandleChannelCallback payments;
    private final HandleRefundCallback refunds;

    public ChannelCallbackController(HandleChannelCallback payments, HandleRefundCallback refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/api/v1/channel-notify/{channel}")
    public ResponseEntity<String> payment(@PathVariable String channel, HttpServletRequest request)
            throws IOException {
        return payments.handle(channel, raw(request), remote(request));
    }

    @PostMapping("/api/v1/channel-notify/{channel}/refund")
    public ResponseEntity<String> refund(@PathVariable String channel, HttpServletRequest request) throws IOException {
        return refunds.handle(channel, raw(request), remote(request));
    }

    private static ChannelNotification raw(HttpServletRequest request) throws IOException {
        // straight from the stream: Spring would rebuild a form body from parsed parameters, not the bytes signed
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return new ChannelNotification(headers, body, request.getContentType());
    }

    private static String remote(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }
}
