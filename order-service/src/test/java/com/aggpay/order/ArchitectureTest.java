package com.aggpay.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.aggpay.order");

    @Test
    void domain_rules_know_nothing_of_spring_databases_or_the_web() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                        "com.baomidou..", "java.sql..", "tools.jackson..", "com.aggpay.order.web..",
                        "java.net.http..")
                .check(classes);
    }

    @Test
    void controllers_do_not_reach_into_mappers_of_other_features() {
        noClasses().that().resideInAPackage("..payment..")
                .should().dependOnClassesThat().haveSimpleName("PayOrderController")
                .check(classes);
    }
}
