package com.aggpay.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web front ends (folder {@code web/} of the repository, packaged as static resources) are served by the
 * gateway; this maps each front end's folder to its page, e.g. {@code /admin/} to the operator console.
 */
@Configuration
class WebPages {

    @Bean
    RouterFunction<ServerResponse> frontEndPages() {
        ClassPathResource console = new ClassPathResource("static/admin/index.html");
        return RouterFunctions.route(GET("/admin").or(GET("/admin/")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(console));
    }
}
