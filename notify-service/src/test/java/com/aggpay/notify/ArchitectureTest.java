package com.aggpay.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.aggpay.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_has_no_spring_and_no_io = noClasses()
            .that().resideInAPackage("..notify.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.net..", "java.sql..",
                    "java.io..", "org.apache.kafka..", "org.apache.ibatis..", "feign..", "com.aggpay.notify.store..",
                    "com.aggpay.notify.delivery..");

    @ArchTest
    static final ArchRule only_the_store_touches_mybatis = noClasses()
            .that().resideOutsideOfPackage("..notify.store..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis..");
}
