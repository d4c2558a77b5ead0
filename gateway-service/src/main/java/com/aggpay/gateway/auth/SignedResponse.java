package com.aggpay.gateway.auth;

import com.aggpay.contracts.http.AggpayHeaders;
import com.aggpay.contracts.signing.MerchantSignature;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An answer to a merchant, signed so the merchant can tell it came from the platform (API.md): the whole body
 * is buffered, then {@code Aggpay-Timestamp}, {@code Aggpay-Nonce} and {@code Aggpay-Signature} (see
 * {@link ResponseSigner}) over {@code TIMESTAMP\nNONCE\nBODY\n} are added and Content-Length fixed to the bytes sent.
 */
public class SignedResponse extends ServerHttpResponseDecorator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] EMPTY = new byte[0];

    private final ResponseSigner signer;
    private final Clock clock;
    private final AtomicBoolean written = new AtomicBoolean();

    public SignedResponse(ServerHttpResponse delegate, ResponseSigner signer, Clock clock) {
        super(delegate);
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!written.compareAndSet(false, true)) {
            return Mono.error(new IllegalStateException("a signed response is written once"));
        }
        return DataBufferUtils.join(Flux.from(body))
                .map(SignedResponse::drain)
                .defaultIfEmpty(EMPTY)
                .flatMap(bytes -> {
                    sign(bytes);
                    return getDelegate().writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
    }

    /** Streaming answers are buffered too: a signature needs the whole body. */
    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return writeWith(Flux.from(body).concatMap(Flux::from));
    }

    /** An answer without a body is still signed (over the empty body). */
    @Override
    public Mono<Void> setComplete() {
        return written.get() ? getDelegate().setComplete() : writeWith(Flux.empty());
    }

    private void sign(byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        String signature = signer.sign(MerchantSignature.responseMessage(timestamp, nonce, body));

        HttpHeaders headers = getDelegate().getHeaders();
        headers.set(AggpayHeaders.RESPONSE_TIMESTAMP, timestamp);
        headers.set(AggpayHeaders.RESPONSE_NONCE, nonce);
        headers.set(AggpayHeaders.RESPONSE_SIGNATURE, signature);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        HttpStatusCode status = getDelegate().getStatusCode();
        if (status != null && (status.value() == 204 || status.value() == 304 || status.is1xxInformational())) {
            headers.remove(HttpHeaders.CONTENT_LENGTH); // RFC 9110: these carry no Content-Length
        } else {
            headers.setContentLength(body.length);
        }
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
