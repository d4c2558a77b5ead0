package com.aggpay.merchant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void the_png_is_about_600_pixels_and_scans_back_to_exactly_the_url() {
        String url = "https://pay.example.cn/qr/abcdefgh2345";

        byte[] png = QrCodes.png(url);

        BufferedImage image = QrDecoding.read(png);
        assertThat(image.getWidth()).isEqualTo(QrCodes.PNG_SIZE);
        assertThat(image.getHeight()).isEqualTo(QrCodes.PNG_SIZE);
        assertThat(QrDecoding.text(png)).isEqualTo(url);
    }

    @Test
    void the_code_has_a_white_quiet_zone_around_it() {
        BufferedImage image = QrCodes.image("http://127.0.0.1:8080/qr/demo-store", QrCodes.PNG_SIZE);

        // ISO/IEC 18004 asks for 4 modules; at 600 px a module is well over 10 px, so 40 px of border must be white
        for (int i = 0; i < QrCodes.PNG_SIZE; i++) {
            for (int border = 0; border < 40; border++) {
                assertThat(image.getRGB(i, border) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(border, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(i, QrCodes.PNG_SIZE - 1 - border) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(QrCodes.PNG_SIZE - 1 - border, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
    }
}
