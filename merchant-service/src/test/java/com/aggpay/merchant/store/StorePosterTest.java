package com.aggpay.merchant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class StorePosterTest {

    private static final StorePoster.Content NOODLES = new StorePoster.Content("福州面馆有限公司", "鼓楼店",
            "abcdefgh2345", "http://127.0.0.1:8080/qr/abcdefgh2345");

    @Test
    void the_poster_is_an_a6_png_at_300_dpi_whose_code_scans_to_the_store_url() throws Exception {
        byte[] png = new StorePoster().png(NOODLES);

        BufferedImage image = QrDecoding.read(png);
        assertThat(image.getWidth()).isEqualTo(StorePoster.WIDTH);
        assertThat(image.getHeight()).isEqualTo(StorePoster.HEIGHT);
        // 105 x 148 mm at 300 dpi
        assertThat(Math.abs(StorePoster.WIDTH - 105 / 25.4 * 300)).isLessThan(2);
        assertThat(Math.abs(StorePoster.HEIGHT - 148 / 25.4 * 300)).isLessThan(2);
        assertThat(pixelsPerMetre(png)).isEqualTo("11811");
        assertThat(QrDecoding.text(png)).isEqualTo(NOODLES.qrUrl());
    }

    @Test
    void names_too_long_for_a_line_still_give_a_poster_that_scans() {
        StorePoster.Content longNames = new StorePoster.Content("很长的公司名称".repeat(10), "🍜 分店".repeat(16),
                "demo-store", "http://127.0.0.1:8080/qr/demo-store");

        assertThat(QrDecoding.text(new StorePoster().png(longNames))).isEqualTo(longNames.qrUrl());
    }

    @Test
    void chinese_is_drawn_with_a_cjk_font_when_one_is_installed_and_sans_serif_otherwise() {
        assertThat(StorePoster.family(Set.of("DejaVu Sans", "Noto Serif CJK SC", "Noto Sans CJK SC")))
                .isEqualTo("Noto Sans CJK SC");
        assertThat(StorePoster.family(Set.of("DejaVu Sans"))).isEqualTo(Font.SANS_SERIF);

        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        String chosen = new StorePoster().family();
        if (!Font.SANS_SERIF.equals(chosen)) {
            assertThat(installed).contains(chosen);
            assertThat(new Font(chosen, Font.BOLD, 64).canDisplayUpTo(StorePoster.CALL_TO_SCAN)).isEqualTo(-1);
        }
    }

    private static String pixelsPerMetre(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode physical = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            reader.dispose();
            return physical.getAttribute("pixelsPerUnitXAxis");
        }
    }
}
