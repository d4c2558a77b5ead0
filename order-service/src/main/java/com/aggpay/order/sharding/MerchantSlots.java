package com.aggpay.order.sharding;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where a merchant's orders and refunds live: each merchant falls into one of 256 slots (CRC-32 of its
 * {@code mch_no}), and a slot into a shard ({@code slot mod shards}). The ids order-service makes start with their
 * merchant's slot, so an order, a refund or a trade number found by its id alone leads to its shard without asking
 * every shard; 256 slots leave room to grow to more shards by moving whole slots.
 */
public final class MerchantSlots {

    static final int SLOTS = 256;

    /**
     * {@code po_}/{@code rf_} ids, and what channels see of them: {@code out_trade_no} (the id's hex and the attempt's
     * two digits) and {@code out_refund_no} (the refund id's hex).
     */
    private static final Pattern ID = Pattern.compile("(?:po_|rf_)?([0-9a-f]{2})[0-9a-f]{22}(?:[0-9]{2})?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MerchantSlots() {
    }

    public static int of(String mchNo) {
        CRC32 crc = new CRC32();
        crc.update(mchNo.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SLOTS);
    }

    /** The slot an id names, or empty for a value not made by {@link #randomHex} (it may be on any shard). */
    public static OptionalInt ofId(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1), 16)) : OptionalInt.empty();
    }

    /** 24 hex digits for a new id of the merchant's: its slot, then 88 random bits (unguessable). */
    public static String randomHex(String mchNo) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        b[0] = (byte) of(mchNo);
        return HexFormat.of().formatHex(b);
    }
}
