package com.aggpay.router.callback;

import com.aggpay.router.channel.ChannelNotification;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public channel callbacks (API.md), reached through the gateway. The raw body is kept byte-exact for signatures;
 * whatever arrives, the answer is the channel's own failure answer or a 4xx problem, never a 500.
 */
@RestController
public class ChannelCallbackController {

    /** Channel notifications are a few KB; 64 KB leaves room for any channel's largest while refusing floods. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final HandleChannelCallback payments;
    private final HandleRefundCallback refunds;

    public ChannelCallbackController(HandleChannelCallback payments, HandleRefundCallback refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @PostMapping("/api/v1/channel-notify/{channel}")
    public ResponseEntity<String> payment(@PathVariable String channel, HttpServletRequest request) {
        return payments.handle(channel, raw(channel, request), remote(request));
    }

    @PostMapping("/api/v1/channel-notify/{channel}/refund")
    public ResponseEntity<String> refund(@PathVariable String channel, HttpServletRequest request) {
        return refunds.handle(channel, raw(channel, request), remote(request));
    }

    private static ChannelNotification raw(String channel, HttpServletRequest request) {
        // straight from the stream: Spring would rebuild a form body from parsed parameters, not the bytes signed
        byte[] body = boundedBody(channel, request);
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return new ChannelNotification(headers, body, request.getContentType());
    }

    /**
     * At most {@link #MAX_BODY_BYTES}: a larger declared Content-Length is refused before reading a byte; a chunked
     * body is read only to one byte past the limit, so no more than that is ever buffered.
     */
    private static byte[] boundedBody(String channel, HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(channel, request, declared);
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            security.warn("event=CALLBACK_BODY_UNREADABLE channel={} remote={} reason={}", channel, remote(request),
                    e.getClass().getSimpleName());
            throw new ApiException(ErrorCode.REQUEST_INVALID, "The request body could not be read.");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(channel, request, -1);
        }
        return body;
    }

    private static ApiException tooLarge(String channel, HttpServletRequest request, long declared) {
        security.warn("event=CALLBACK_BODY_TOO_LARGE channel={} remote={} content_length={}", channel,
                remote(request), declared);
        return new ApiException(ErrorCode.BODY_TOO_LARGE, "A channel callback body is at most "
                + MAX_BODY_BYTES / 1024 + " KB.");
    }

    private static String remote(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }
}
