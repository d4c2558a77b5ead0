package com.aggpay.merchant.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.aggpay.contracts.crypto.SecretBox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecretsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SecretsConfiguration.class)
            .withPropertyValues("aggpay.secrets.current-key-id=prod");

    @Test
    void start_up_fails_when_no_key_is_configured() {
        context.run(started -> assertThat(started).hasFailed());
    }

    @Test
    void start_up_fails_when_the_key_is_not_32_bytes() {
        context.withPropertyValues("aggpay.secrets.current-key=c2hvcnQ=")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ="));
    }

    @Test
    void a_valid_key_gives_a_secret_box_that_also_opens_values_of_older_keys() {
        String older = new SecretBox("old", java.util.Map.of("old", key('o'))).seal("s3cret");
        context.withPropertyValues("aggpay.secrets.current-key=" + key('n'), "aggpay.secrets.keys.old=" + key('o'))
                .run(started -> {
                    SecretBox box = started.getBean(SecretBox.class);
                    assertThat(box.open(older)).isEqualTo("s3cret");
                    assertThat(box.seal("x")).startsWith("v1:prod:");
                });
    }

    private static String key(char fill) {
        return java.util.Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }
}
