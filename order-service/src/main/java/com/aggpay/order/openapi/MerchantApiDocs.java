package com.aggpay.order.openapi;

import com.aggpay.order.web.Caller;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The merchant API's OpenAPI document, served by springdoc at {@code /api/v1/openapi.json} (application.yml,
 * {@code springdoc.*}) and public through the gateway. The operations and schemas come from the annotations on the
 * merchant controllers and their records; this class adds what every operation shares: the signature schemes, the
 * gateway's own refusals and the problem+json body of every error.
 */
@Configuration(proxyBeanMethods = false)
public class MerchantApiDocs {

    static final String HMAC = "AggpayHmacSha256";
    static final String RSA = "AggpaySha256Rsa2048";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    static {
        // the app the gateway authenticated arrives in headers the gateway sets, never from the merchant
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private static final String SIGNING = """
            Every merchant call is signed (API.md, "Authentication"):

                Authorization: AGGPAY-HMAC-SHA256 app_id="demo-app",timestamp="1764130000",nonce="8f1c2a9d0b7e4f36",signature="<base64>"

            message = METHOD + "\\n" + PATH_AND_QUERY + "\\n" + TIMESTAMP + "\\n" + NONCE + "\\n" + BODY + "\\n", where \
            BODY is the exact bytes sent (empty for GET) and PATH_AND_QUERY is as on the wire, e.g. \
            `/api/v1/pay/orders?mch_order_no=A1`.
            """;

    /** Spring's JSON is snake_case (spring.jackson.property-naming-strategy); the schemas must say what is sent. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        // springdoc swaps this in for swagger-core's default resolver (same class), which reads camelCase components
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    OpenAPI merchantApi() {
        return new OpenAPI()
                .info(new Info().title("AggPay merchant API").version("v1").description("""
                        One API in front of WeChat Pay, Alipay and UnionPay. JSON bodies in UTF-8 with snake_case \
                        field names; money is an integer number of minor units (fen for CNY); times are RFC 3339 \
                        with offset. Errors are application/problem+json with a stable `code`.

                        """ + SIGNING + """

                        Every answer to a signed request carries Aggpay-Timestamp, Aggpay-Nonce and Aggpay-Signature = \
                        Base64(HMAC-SHA256(app secret, TIMESTAMP + "\\n" + NONCE + "\\n" + BODY + "\\n")), or SHA256withRSA \
                        by the platform key (GET /api/v1/platform/public-key) for RSA apps, so that the merchant can \
                        check the answer came from the platform."""))
                // relative: the document is read through the gateway, whatever host that is
                .servers(List.of(new Server().url("/").description("The AggPay gateway")))
                .components(new Components()
                        .addSecuritySchemes(HMAC, scheme("AGGPAY-HMAC-SHA256", """
                                signature = Base64(HMAC-SHA256(key = the app secret, message)).""", HMAC))
                        .addSecuritySchemes(RSA, scheme("AGGPAY-SHA256-RSA2048", """
                                signature = Base64(SHA256withRSA(the merchant's private key, message)); the platform \
                                verifies with the RSA public key (at least 2048 bits) uploaded for the app in the \
                                portal.""", RSA)));
    }

    /** Both signature schemes, the gateway's refusals and problem+json bodies on every merchant operation. */
    @Bean
    OpenApiCustomizer merchantApiCommons() {
        return openApi -> {
            addProblemSchemas(openApi);
            List<SecurityRequirement> eitherScheme = List.of(new SecurityRequirement().addList(HMAC),
                    new SecurityRequirement().addList(RSA));
            if (openApi.getPaths() == null) {
                return;
            }
            sortPaths(openApi);
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                operation.setSecurity(eitherScheme);
                addGatewayResponses(operation);
                ApiResponses sorted = new ApiResponses();
                operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
                sorted.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        // the error bodies are problem documents, never the operation's success type
                        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                    }
                });
                operation.setResponses(sorted);
            }));
        };
    }

    /** Readers go down the document: orders, then refunds, then statements, each tag in that order too. */
    private static void sortPaths(OpenAPI openApi) {
        Paths sorted = new Paths();
        sorted.setExtensions(openApi.getPaths().getExtensions());
        openApi.getPaths().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addPathItem(e.getKey(), e.getValue()));
        openApi.setPaths(sorted);
        if (openApi.getTags() != null) {
            List<String> order = sorted.values().stream().flatMap(p -> p.readOperations().stream())
                    .flatMap(o -> o.getTags() == null ? Stream.empty() : o.getTags().stream()).distinct().toList();
            openApi.setTags(openApi.getTags().stream()
                    .sorted(Comparator.comparingInt(t -> order.indexOf(t.getName()) < 0 ? Integer.MAX_VALUE
                            : order.indexOf(t.getName())))
                    .toList());
        }
    }

    /** The header is not a plain key, but apiKey-in-header is how OpenAPI names "a scheme of our own in a header". */
    private static SecurityScheme scheme(String prefix, String signature, String name) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("Authorization").description("""
                        `Authorization: %s app_id="…",timestamp="…",nonce="…",signature="…"`

                        message = METHOD + "\\n" + PATH_AND_QUERY + "\\n" + TIMESTAMP + "\\n" + NONCE + "\\n" + BODY \
                        + "\\n" (BODY: the exact bytes sent, empty for GET; PATH_AND_QUERY as on the wire, e.g. \
                        `/api/v1/pay/orders?mch_order_no=A1`)

                        %s

                        timestamp: Unix seconds, within 300 s of the platform clock (else 401 TIMESTAMP_EXPIRED); \
                        nonce: not used by the app before within 15 minutes (else 401 NONCE_REPLAYED). Answers carry \
                        Aggpay-Timestamp, Aggpay-Nonce and Aggpay-Signature (%s).""".formatted(prefix, signature,
                        name.equals(HMAC) ? "HMAC-SHA256 with the app secret"
                                : "SHA256withRSA by the platform key, GET /api/v1/platform/public-key"));
    }

    private static void addProblemSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(Problem.class).resolveAsRef(true));
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        schemas.forEach((name, schema) -> {
            if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(name)) {
                openApi.getComponents().addSchemas(name, schema);
            }
        });
    }

    /** What the gateway answers before order-service sees the request (API.md, "Authentication", "Rate limits"). */
    private static void addGatewayResponses(Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", new ApiResponse().description("The signature was refused: SIGNATURE_INVALID, "
                + "APP_UNKNOWN, TIMESTAMP_EXPIRED (more than 300 s off the platform clock) or NONCE_REPLAYED (the "
                + "nonce was used by this app within 15 minutes)."));
        responses.putIfAbsent("403", new ApiResponse().description("MERCHANT_NOT_ACTIVE: the merchant is not approved "
                + "or the app is disabled."));
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", new ApiResponse().description("BODY_TOO_LARGE: the request body is over the "
                    + "gateway's limit."));
        }
        responses.putIfAbsent("429", new ApiResponse().description("RATE_LIMITED: the app's requests per second are "
                        + "used up; retry after Retry-After seconds.")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                        .schema(new IntegerSchema())));
        responses.putIfAbsent("502", new ApiResponse().description("A platform service answered the gateway wrongly; "
                + "the request may or may not have taken effect: query before repeating."));
        String unavailable = "UPSTREAM_UNAVAILABLE (from the gateway): a platform service is unavailable; retry later.";
        ApiResponse own503 = responses.get("503");
        if (own503 == null) {
            responses.addApiResponse("503", new ApiResponse().description(unavailable));
        } else {
            own503.setDescription(own503.getDescription() + " Or " + unavailable);
        }
        responses.putIfAbsent("504", new ApiResponse().description("UPSTREAM_TIMEOUT: a platform service did not "
                + "answer in time; query before repeating."));
    }
}
