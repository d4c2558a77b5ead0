package com.aggpay.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Plain Jupiter tests around ArchUnit's core API: the archunit-junit5 engine reports no tests under the
 * JUnit Platform 6 that Boot 4 brings, so its {@code @ArchTest} rules would pass without running.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.aggpay.notify");

    @Test
    void the_domain_has_no_spring_and_no_io() {
        noClasses().that().resideInAPackage("..notify.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.net..",
                        "java.sql..", "java.io..", "org.apache.kafka..", "org.apache.ibatis..", "feign..",
                        "com.aggpay.notify.store..", "com.aggpay.notify.delivery..")
                .check(CLASSES);
    }

    @Test
    void only_the_store_touches_mybatis() {
        noClasses().that().resideOutsideOfPackage("..notify.store..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis..")
                .check(CLASSES);
    }
}
