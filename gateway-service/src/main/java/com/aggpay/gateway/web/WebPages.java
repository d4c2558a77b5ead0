package com.aggpay.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the web front ends, built from the repository's {@code web/} folder into {@code static/<front end>/}:
 * {@code /portal/} (merchant portal), {@code /admin/} (operator console) and {@code /cashier/} (the payer's pages).
 * Each is a single-page app: its index.html answers the root and any client route (a path without a file
 * extension), its hashed assets are cached for a year, and anything else under the root that is not a file is a 404
 * like any other. Router functions are asked before annotated controllers, so the paths the gateway's own cashier
 * controllers answer under {@code /cashier/} ({@link #SERVER_PAGES}) are left out of the client routes.
 */
@Configuration
class WebPages {

    static final List<String> FRONT_ENDS = List.of("portal", "admin", "cashier");
    /** Rendered by the gateway itself: a wallet's payment link and the return from its authorisation. */
    static final List<String> SERVER_PAGES = List.of("/cashier/pay", "/cashier/oauth");
    /** Asset names carry a content hash, so a changed file is a new URL: safe to cache for good. */
    static final CacheControl ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    RouterFunction<ServerResponse> frontEndPages() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String frontEnd : FRONT_ENDS) {
            String root = "/" + frontEnd;
            ClassPathResource index = new ClassPathResource("static" + root + "/index.html");
            // A build without the front ends (exec.skip) leaves no page: then these paths are plain 404s.
            RequestPredicate built = request -> index.exists();
            // index.html must be revalidated: it names the current asset hashes.
            HandlerFunction<ServerResponse> page = request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache()).bodyValue(index);
            routes.resources(root + "/assets/**", new ClassPathResource("static" + root + "/assets/"),
                    (resource, headers) -> headers.setCacheControl(ASSETS));
            routes.route(GET(root).or(GET(root + "/")).and(built), page);
            routes.route(GET(root + "/**").and(built).and(WebPages::isClientRoute).and(WebPages::isNotServerPage),
                    page);
        }
        return routes.build();
    }

    /** A client-side route looks like a folder ({@code /portal/orders}); a file name ({@code x.js}) is not one. */
    static boolean isClientRoute(ServerRequest request) {
        String path = request.requestPath().pathWithinApplication().value();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /** Compared as the route predicates read the path (decoded), so {@code /cashier/p%61y/x} is left out too. */
    static boolean isNotServerPage(ServerRequest request) {
        String path = RoutePaths.asRoutesMatchIt(request.requestPath().pathWithinApplication());
        return SERVER_PAGES.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
