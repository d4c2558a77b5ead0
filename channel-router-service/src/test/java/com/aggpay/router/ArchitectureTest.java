package com.aggpay.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Plain JUnit tests calling ArchUnit directly: ArchUnit's own engine does not run under JUnit 6. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.aggpay.router");

    @Test
    void adapters_know_nothing_of_routing_callbacks_or_storage() {
        noClasses().that().resideInAPackage("com.aggpay.router.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("com.aggpay.router.trade..",
                        "com.aggpay.router.callback..", "com.aggpay.router.store..", "com.aggpay.router.local..",
                        "org.apache.ibatis..", "com.baomidou..")
                .check(classes);
    }

    @Test
    void one_channel_package_never_reaches_into_another() {
        for (String pkg : new String[] {"wxpay.v3", "wxpay.v2", "alipay", "unionpay"}) {
            noClasses().that().resideInAPackage("com.aggpay.router.channel." + pkg + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others(pkg))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /** The routing decision is a pure function (DESIGN.md): replayable from its inputs, testable without a context. */
    @Test
    void the_routing_decision_uses_no_framework_io_clock_or_hidden_randomness() {
        noClasses().that().resideInAPackage("com.aggpay.router.routing..")
                .and().resideOutsideOfPackage("com.aggpay.router.routing.health..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                        "com.baomidou..", "java.sql..", "javax.sql..", "redis.clients..", "java.net..", "okhttp3..",
                        "feign..", "org.apache.hc..", "org.apache.http..", "jakarta.servlet..", "io.micrometer..", "java.io..", "java.nio..",
                        "com.aggpay.router.routing.health..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.time.Instant.class,
                        java.util.Random.class, java.util.concurrent.ThreadLocalRandom.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .check(classes);
        fields().that().areDeclaredInClassesThat().resideInAPackage("com.aggpay.router.routing..")
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("com.aggpay.router.routing.health..")
                .and().areStatic()
                .should().beFinal()
                .check(classes);
    }

    private static String[] others(String pkg) {
        return java.util.Arrays.stream(new String[] {"wxpay.v3", "wxpay.v2", "alipay", "unionpay"})
                .filter(p -> !p.equals(pkg)).map(p -> "com.aggpay.router.channel." + p + "..")
                .toArray(String[]::new);
    }
}
