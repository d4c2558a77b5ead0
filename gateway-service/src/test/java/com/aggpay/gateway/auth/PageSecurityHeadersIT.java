package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** The front ends as the gateway serves them: pages, client routes, assets, and the page security headers on all. */
class PageSecurityHeadersIT extends GatewayITSupport {

    private static final String POLICY = "default-src 'self'; img-src 'self' blob:; frame-ancestors 'none'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'";

    @ParameterizedTest
    @ValueSource(strings = {"portal", "admin", "cashier"})
    void each_front_end_and_its_files_are_served_with_a_strict_policy_and_no_framing(String frontEnd)
            throws Exception {
        String root = "/" + frontEnd;
        for (String path : new String[] {root + "/", root, firstAsset(frontEnd)}) {
            HttpResponse<byte[]> response = send(request("GET", path, new byte[0]));

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertPageHeaders(response, path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal", "admin", "cashier"})
    void the_page_is_revalidated_and_its_hashed_assets_are_cached_for_good(String frontEnd) throws Exception {
        HttpResponse<byte[]> page = send(request("GET", "/" + frontEnd + "/", new byte[0]));
        HttpResponse<byte[]> asset = send(request("GET", firstAsset(frontEnd), new byte[0]));

        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=31536000").contains("immutable"));
    }

    @Test
    void a_client_route_under_a_front_end_answers_its_page() throws Exception {
        HttpResponse<byte[]> response = send(request("GET", "/portal/orders", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(index("portal"));
        assertPageHeaders(response, "/portal/orders");
    }

    @Test
    void a_cashier_page_answers_the_cashier_app_with_the_headers() throws Exception {
        HttpResponse<byte[]> response = send(request("GET", "/cashier/store/demo-store", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(index("cashier"));
        assertPageHeaders(response, "/cashier/store/demo-store");
    }

    @Test
    void a_missing_file_under_a_page_root_is_a_404_with_the_headers_too() {
        for (String path : new String[] {"/portal/assets/nothing-here.js", "/admin/nothing-here.css"}) {
            HttpResponse<byte[]> response = send(request("GET", path, new byte[0]));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    private static void assertPageHeaders(HttpResponse<byte[]> response, String path) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(POLICY);
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }

    private static String index(String frontEnd) throws Exception {
        return new ClassPathResource("static/" + frontEnd + "/index.html").getContentAsString(StandardCharsets.UTF_8);
    }

    /** The entry script the built page names (its file name carries a content hash). */
    private static String firstAsset(String frontEnd) throws Exception {
        Matcher m = Pattern.compile("src=\"(/" + frontEnd + "/assets/[^\"]+)\"").matcher(index(frontEnd));
        assertThat(m.find()).as("built " + frontEnd + " page names its script").isTrue();
        return m.group(1);
    }
}
