package com.aggpay.contracts.service.testing;

import com.aggpay.contracts.service.ServiceAuthFilter;
import com.aggpay.contracts.service.ServiceTokens;
import com.aggpay.contracts.signing.OperatorToken;
import java.time.Clock;
import java.util.Base64;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For services' own tests (contracts' test-jar): tokens under the local/test profiles' built-in key, so a test can call a
 * service over real HTTP as the gateway or another platform service would.
 */
public final class ServiceCallsForTests {

    /** The built-in key of the local and test profiles (see ServiceAuthAutoConfiguration). */
    private static final byte[] LOCAL_KEY = Base64.getDecoder()
            .decode("YWdncGF5LWxvY2FsLW9ubHktc2VydmljZS10b2tlbi1rZXk=");

    private ServiceCallsForTests() {
    }

    /** A token that says {@code caller} is calling {@code audience}. */
    public static String token(String caller, String audience) {
        return new OperatorToken(LOCAL_KEY, Clock.systemUTC()).issue(caller, audience, ServiceTokens.TTL).token();
    }

    /** For MockMvc: the request comes from {@code caller} to {@code audience} (instead of the gateway, the default). */
    public static RequestPostProcessor asService(String caller, String audience) {
        return request -> {
            request.removeHeader(ServiceTokens.HEADER);
            request.addHeader(ServiceTokens.HEADER, token(caller, audience));
            return request;
        };
    }

    /** A token for a call from the gateway, the one hop whose identity headers a service believes. */
    public static String fromGateway(String audience) {
        return token(ServiceAuthFilter.GATEWAY, audience);
    }
}
