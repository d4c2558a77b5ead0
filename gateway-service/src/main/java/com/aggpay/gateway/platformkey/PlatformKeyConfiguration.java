package com.aggpay.gateway.platformkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformKeyProperties.class)
class PlatformKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformKeyConfiguration.class);
    private static final int MIN_BITS = 2048;

    /** Built eagerly: a production-shaped start without a usable key stops here, before serving anything. */
    @Bean
    PlatformKey platformKey(PlatformKeyProperties properties) {
        return load(properties);
    }

    static PlatformKey load(PlatformKeyProperties properties) {
        if (hasText(properties.privateKey())) {
            return fromPem(properties.keyId(), properties.privateKey(), "AGGPAY_PLATFORM_PRIVATE_KEY");
        }
        if (hasText(properties.privateKeyFile())) {
            Path file = Path.of(properties.privateKeyFile());
            if (Files.isReadable(file)) {
                return fromPem(properties.keyId(), read(file), file.toString());
            }
            if (!properties.generateIfMissing()) {
                throw new IllegalStateException("aggpay.platform-key.private-key-file " + file + " cannot be read");
            }
        }
        if (!properties.generateIfMissing()) {
            throw new IllegalStateException("No platform RSA key: set AGGPAY_PLATFORM_PRIVATE_KEY (PKCS#8 PEM) or "
                    + "aggpay.platform-key.private-key-file");
        }
        log.warn("No platform RSA key configured: answers to RSA apps are signed with a key made for this run only "
                + "(run deploy/local/gen-keys.sh to keep one)");
        return generated(properties.keyId());
    }

    /** PKCS#8 "PRIVATE KEY" PEM of an RSA key of at least 2048 bits; the public half is derived from it. */
    static PlatformKey fromPem(String keyId, String pem, String source) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("the platform key in " + source + " carries no public exponent");
            }
            if (crt.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException("the platform key in " + source + " has fewer than " + MIN_BITS + " bits");
            }
            return new PlatformKey(keyId, privateKey,
                    rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Says where the key came from, never what it holds.
            throw new IllegalStateException("the platform key in " + source + " is not an RSA PKCS#8 PEM private key", e);
        }
    }

    private static PlatformKey generated(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new PlatformKey(keyId, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the platform key file " + file, e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
