package com.aggpay.merchant.store;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store's static code as a QR image (ZXing). Every code is read back before it is handed out: for a small share of
 * contents (about 2 in 100 of our /qr/ URLs) the mask ZXing's writer picks gives a symbol whose data modules look like
 * an extra finder pattern, and ZXing's own reader, as a scanner, cannot find the code even on the pristine image. Such
 * a code is encoded again with each of the eight masks ISO/IEC 18004 defines until one reads back exactly; a code
 * printed on a counter must scan with every reader, not only with most.
 */
public final class QrCodes {

    /** Side of the downloadable PNG: sharp when printed at about 5 cm, small enough to send around. */
    public static final int PNG_SIZE = 600;
    /** The masks of ISO/IEC 18004 (0 to 7). */
    private static final int MASKS = 8;
    /**
     * Level Q (25 % of the code may be lost): a counter code gets scratched, stained and photographed at an angle.
     * A margin of 4 modules is the quiet zone ISO/IEC 18004 asks for, so the code scans wherever it is pasted.
     */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    /** Read back as a scanner reads a photo: the whole picture searched, no hint that it holds only the code. */
    private static final Map<DecodeHintType, Object> READ_BACK = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    private static final Logger log = LoggerFactory.getLogger(QrCodes.class);

    private QrCodes() {
    }

    public static BufferedImage image(String content, int size) {
        return MatrixToImageWriter.toBufferedImage(readable(content, size));
    }

    public static byte[] png(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            MatrixToImageWriter.writeToStream(readable(content, PNG_SIZE), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The code as the writer chooses it when it reads back, else with the first mask that does. */
    static BitMatrix readable(String content, int size) {
        BitMatrix chosen = encode(content, size, null);
        if (readsBack(chosen, content)) {
            return chosen;
        }
        for (int mask = 0; mask < MASKS; mask++) {
            BitMatrix remasked = encode(content, size, mask);
            if (readsBack(remasked, content)) {
                log.info("event=QR_MASK_CHANGED size={} mask={} reason=\"the writer's mask did not read back\"", size,
                        mask);
                return remasked;
            }
        }
        throw new IllegalStateException(
                "no mask gives a QR code of " + content.length() + " characters that reads back");
    }

    /** {@code mask} null: the writer picks the mask with the lowest penalty, as ISO/IEC 18004 describes. */
    static BitMatrix encode(String content, int size, Integer mask) {
        Map<EncodeHintType, Object> hints = HINTS;
        if (mask != null) {
            hints = new HashMap<>(HINTS);
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            // Only for contents longer than a QR code holds: a qr_url is far shorter, so this is a fault.
            throw new IllegalStateException("cannot encode a QR code of " + content.length() + " characters", e);
        }
    }

    static boolean readsBack(BitMatrix matrix, String content) {
        BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return content.equals(new QRCodeReader().decode(bitmap, READ_BACK).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return false;
        }
    }
}
