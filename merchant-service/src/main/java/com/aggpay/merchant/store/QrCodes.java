package com.aggpay.merchant.store;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A store's static code as a QR image (ZXing). */
public final class QrCodes {

    /** Side of the downloadable PNG: sharp when printed at about 5 cm, small enough to send around. */
    public static final int PNG_SIZE = 600;
    /**
     * Level Q (25 % of the code may be lost): a counter code gets scratched, stained and photographed at an angle.
     * A margin of 4 modules is the quiet zone ISO/IEC 18004 asks for, so the code scans wherever it is pasted.
     */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    private QrCodes() {
    }

    public static BufferedImage image(String content, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            // Only for contents longer than a QR code holds: a qr_url is far shorter, so this is a fault.
            throw new IllegalStateException("cannot encode a QR code of " + content.length() + " characters", e);
        }
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    public static byte[] png(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            MatrixToImageWriter.writeToStream(
                    new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, PNG_SIZE, PNG_SIZE, HINTS), "PNG", out);
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code of " + content.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
