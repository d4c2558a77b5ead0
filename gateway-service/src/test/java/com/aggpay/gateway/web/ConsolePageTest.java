package com.aggpay.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The console keeps working under {@link PageSecurityHeaders}' policy only while it has no inline code. */
class ConsolePageTest {

    @Test
    void the_operator_console_has_no_inline_script_style_or_handler_the_policy_would_block() throws Exception {
        String html = new ClassPathResource("static/admin/index.html").getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).containsPattern("<script src=\"[^\"]+\"></script>");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("(?i)<style|\\sstyle=|\\son[a-z]+=|javascript:");
    }
}
