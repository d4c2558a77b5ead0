package com.aggpay.contracts.service;

import com.aggpay.contracts.signing.OperatorToken;
import java.time.Clock;
import java.util.Base64;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Service-to-service trust for every platform service that has this module: the {@link ServiceTokens} bean (mint and
 * verify), and for servlet services the {@link ServiceAuthFilter} in front of the whole port plus the token on every
 * Feign call. The reactive gateway adds the token to what it forwards with a filter of its own. Outside the local and
 * test profiles it also refuses to start without Kafka and Redis credentials ({@link BrokerCredentials}).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ServiceAuthProperties.class)
public class ServiceAuthAutoConfiguration {

    /** The local and test profiles' key: the ASCII text "aggpay-local-only-service-token-key". */
    static final String LOCAL_KEY = "YWdncGF5LWxvY2FsLW9ubHktc2VydmljZS10b2tlbi1rZXk=";

    @Bean
    ServiceTokens aggpayServiceTokens(ServiceAuthProperties properties, Environment env) {
        BrokerCredentials.require(env);
        String name = properties.name() != null ? properties.name() : env.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("set spring.application.name (or aggpay.service-auth.name)");
        }
        return new ServiceTokens(new OperatorToken(key(properties.key(), env), Clock.systemUTC()), name,
                Clock.systemUTC());
    }

    /** Fails the start-up when a production-shaped profile has no key; messages name the variable, never the key. */
    static byte[] key(String base64, Environment env) {
        if (base64 == null || base64.isBlank()) {
            // the documented variable (deployments set it); aggpay.service-auth.key alone binds AGGPAY_SERVICEAUTH_KEY
            base64 = env.getProperty("AGGPAY_SERVICE_TOKEN_KEY");
        }
        if (base64 == null || base64.isBlank()) {
            if (!env.acceptsProfiles(Profiles.of("local | test"))) {
                throw new IllegalStateException("set AGGPAY_SERVICE_TOKEN_KEY (Base64 of at least "
                        + OperatorToken.MIN_KEY_BYTES + " random bytes, the same in every platform service)");
            }
            base64 = LOCAL_KEY;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AGGPAY_SERVICE_TOKEN_KEY is not valid Base64");
        }
        if (raw.length < OperatorToken.MIN_KEY_BYTES) {
            throw new IllegalStateException("AGGPAY_SERVICE_TOKEN_KEY must decode to at least "
                    + OperatorToken.MIN_KEY_BYTES + " bytes");
        }
        return raw;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        /** Right after the request id (so refusals carry it), before anything of the service sees the call. */
        @Bean
        FilterRegistrationBean<ServiceAuthFilter> aggpayServiceAuthFilter(ServiceTokens tokens,
                                                                           ServiceAuthProperties properties) {
            FilterRegistrationBean<ServiceAuthFilter> bean = new FilterRegistrationBean<>(
                    new ServiceAuthFilter(tokens, properties.allow(), properties.openPaths(), properties.operators()));
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return bean;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "feign.RequestInterceptor")
    static class FeignTokens {

        @Bean
        ServiceTokenFeignInterceptor aggpayServiceTokenFeignInterceptor(ServiceTokens tokens) {
            return new ServiceTokenFeignInterceptor(tokens);
        }
    }

    /**
     * Feign on Apache HttpClient 5: no retries by the HTTP client. Its default strategy sends a request again after a
     * 503 or 429 answer, POSTs included, so a call that is not idempotent (placing a trade, approving a merchant)
     * would silently run twice and its caller would never see the refusal. Whether to retry is the caller's decision.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration")
    static class FeignHttpClient5 {

        @Bean
        HttpClient5FeignConfiguration.HttpClientBuilderCustomizer aggpayNoAutomaticRetries() {
            return HttpClientBuilder::disableAutomaticRetries;
        }
    }
}
