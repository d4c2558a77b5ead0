package com.aggpay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PageSecurityHeadersIT extends GatewayITSupport {

    @Test
    void the_operator_console_and_its_files_are_served_with_a_strict_policy_and_no_framing() {
        for (String path : new String[] {"/admin/", "/admin", "/admin/console.js", "/admin/console.css"}) {
            HttpResponse<byte[]> response = send(request("GET", path, new byte[0]));

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(
                    "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void a_missing_page_under_a_page_root_carries_the_headers_too() {
        HttpResponse<byte[]> response = send(request("GET", "/portal/nothing-here", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
}
