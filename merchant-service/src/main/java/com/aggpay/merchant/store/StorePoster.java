package com.aggpay.merchant.store;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The printable counter poster of a store, as a PNG of an A6 sheet at 300 dpi (the size of a table tent), with that
 * resolution written into the file so that printing it "at actual size" gives A6. A PNG rather than an HTML page: the
 * portal fetches it with a bearer token, a picture downloads, prints and goes to a print shop as it is, and nothing
 * depends on the fonts of the browser that prints it. Drawn headless (Spring Boot sets java.awt.headless=true).
 */
@Component
public class StorePoster {

    /** What the poster tells the payer: every wallet works; there is no amount, the payer enters it. */
    public static final String CALL_TO_SCAN = "微信 / 支付宝 / 云闪付 扫码付款";
    static final int DPI = 300;
    /** A6 (105 x 148 mm) at 300 dpi. */
    public static final int WIDTH = 1240;
    public static final int HEIGHT = 1748;
    private static final int QR_SIZE = 880;
    private static final int SIDE_MARGIN = 90;
    /** Families with Chinese glyphs, best first; Debian's fonts-noto-cjk brings the first. */
    private static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC");
    private static final Color INK = new Color(0x1F, 0x29, 0x37);
    private static final Color BAND = new Color(0x0B, 0x6E, 0x4F);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Logger log = LoggerFactory.getLogger(StorePoster.class);

    public record Content(String companyName, String storeName, String storeCode, String qrUrl) {
    }

    private final String family;

    public StorePoster() {
        this(Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
    }

    StorePoster(Set<String> installedFamilies) {
        this.family = family(installedFamilies);
        if (Font.SANS_SERIF.equals(family)) {
            log.warn("no font with Chinese glyphs is installed (e.g. Debian's fonts-noto-cjk): store posters are drawn"
                    + " with the logical SansSerif font, whose Chinese may show as boxes");
        }
    }

    /** The first CJK family installed, else the logical SansSerif font (which maps to whatever the JDK finds). */
    static String family(Set<String> installedFamilies) {
        return CJK_FAMILIES.stream().filter(installedFamilies::contains).findFirst().orElse(Font.SANS_SERIF);
    }

    String family() {
        return family;
    }

    public byte[] png(Content content) {
        BufferedImage poster = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = poster.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);

            g.setColor(BAND);
            g.fillRect(0, 0, WIDTH, 230);
            g.setColor(Color.WHITE);
            centered(g, content.companyName(), Font.BOLD, 64, 36, 140);

            g.setColor(INK);
            centered(g, content.storeName(), Font.BOLD, 96, 48, 360);

            int qrX = (WIDTH - QR_SIZE) / 2;
            int qrY = 430;
            // nearest neighbour: the modules must stay crisp squares, never blurred by scaling
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(QrCodes.image(content.qrUrl(), QR_SIZE), qrX, qrY, null);

            g.setColor(INK);
            centered(g, CALL_TO_SCAN, Font.BOLD, 64, 40, qrY + QR_SIZE + 120);
            g.setColor(MUTED);
            centered(g, "收款码 / Store code  " + content.storeCode(), Font.PLAIN, 36, 24, HEIGHT - 90);
        } finally {
            g.dispose();
        }
        return withResolution(poster);
    }

    /** Centred on one line, shrunk down to {@code minSize} to fit, then shortened with an ellipsis. */
    private void centered(Graphics2D g, String text, int style, int size, int minSize, int baseline) {
        int maxWidth = WIDTH - 2 * SIDE_MARGIN;
        Font font = new Font(family, style, size);
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(text) > maxWidth && font.getSize() > minSize) {
            font = font.deriveFont((float) font.getSize() - 2);
            metrics = g.getFontMetrics(font);
        }
        String shown = text;
        if (metrics.stringWidth(shown) > maxWidth) {
            int end = shown.length();
            while (end > 1 && metrics.stringWidth(shown.substring(0, end) + "…") > maxWidth) {
                end = Character.isLowSurrogate(shown.charAt(end - 1)) ? end - 2 : end - 1;
            }
            shown = shown.substring(0, end) + "…";
        }
        g.setFont(font);
        g.drawString(shown, (WIDTH - metrics.stringWidth(shown)) / 2, baseline);
    }

    /** PNG with a pHYs chunk of 300 dpi, so that printing at actual size gives the A6 sheet. */
    private static byte[] withResolution(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String pixelsPerMetre = Integer.toString((int) Math.round(DPI / 0.0254));
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("the PNG writer refused the pHYs chunk", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
