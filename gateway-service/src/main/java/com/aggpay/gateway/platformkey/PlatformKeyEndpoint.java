package com.aggpay.gateway.platformkey;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * API.md "The platform's public key": answered by the gateway itself, without authentication (a merchant needs it
 * before it can check any answer). Router functions are matched before the gateway's routes, so no merchant
 * signature is asked for.
 */
@Configuration(proxyBeanMethods = false)
class PlatformKeyEndpoint {

    static final String PATH = "/api/v1/platform/public-key";

    @Bean
    RouterFunction<ServerResponse> platformPublicKey(PlatformKey key) {
        PublicKeyView view = new PublicKeyView(key.keyId(), PlatformKey.ALGORITHM, key.publicKeyPem());
        return RouterFunctions.route(GET(PATH), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .bodyValue(view));
    }

    record PublicKeyView(@JsonProperty("key_id") String keyId, @JsonProperty("algorithm") String algorithm,
                         @JsonProperty("public_key_pem") String publicKeyPem) {
    }
}
