package com.aggpay.notify.delivery;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

/**
 * Keeps the first bytes of a merchant's answer for the delivery log and drops the rest as it arrives, so a huge or
 * endless answer costs no memory (the sender's own timeout still bounds how long it may trickle).
 */
final class AnswerExcerpt extends AbstractBinAsyncEntityConsumer<byte[]> {

    static final int MAX_BYTES = 256;

    private final byte[] kept = new byte[MAX_BYTES];
    private int length;

    @Override
    protected void streamStart(ContentType contentType) {
        length = 0;
    }

    @Override
    protected int capacityIncrement() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
        int take = Math.min(src.remaining(), MAX_BYTES - length);
        src.get(kept, length, take);
        length += take;
        src.position(src.limit());
    }

    @Override
    protected byte[] generateContent() {
        return Arrays.copyOf(kept, length);
    }

    @Override
    public void releaseResources() {
    }
}
