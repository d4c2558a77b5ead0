package com.aggpay.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The built front ends are packaged with the gateway and keep working under {@link PageSecurityHeaders}' policy only
 * while their pages load every script and style from their own files.
 */
class FrontEndPagesTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"portal", "admin", "cashier"})
    void each_front_end_is_packaged_with_every_file_its_page_names(String frontEnd) throws Exception {
        String html = page(frontEnd);

        List<String> assets = ASSET.matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(assets).isNotEmpty().allSatisfy(path -> {
            assertThat(path).startsWith("/" + frontEnd + "/assets/");
            assertThat(new ClassPathResource("static" + path).exists()).as(path).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal", "admin", "cashier"})
    void each_front_end_page_has_no_inline_script_style_or_handler_the_policy_would_block(String frontEnd)
            throws Exception {
        String html = page(frontEnd);

        assertThat(html).containsPattern("<script type=\"module\" crossorigin src=\"/" + frontEnd + "/assets/[^\"]+\\.js\">");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("(?i)<style|\\sstyle=|\\son[a-z]+=|javascript:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal", "admin", "cashier"})
    void no_front_end_script_evaluates_strings_as_code(String frontEnd) throws Exception {
        // 'unsafe-eval' is not in the policy: a bundled `new Function(...)` (e.g. a message compiler) would break the page
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:static/" + frontEnd + "/assets/*.js");

        assertThat(scripts).isNotEmpty();
        for (Resource script : scripts) {
            assertThat(script.getContentAsString(StandardCharsets.UTF_8)).as(script.getFilename())
                    .doesNotContain("new Function(").doesNotContainPattern("\\beval\\(");
        }
    }

    private static String page(String frontEnd) throws Exception {
        return new ClassPathResource("static/" + frontEnd + "/index.html").getContentAsString(StandardCharsets.UTF_8);
    }
}
