package dev.rebuildcauses.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md, checked on every build: data flows harvest → analysis → report. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rebuildcauses");
    }

    @Test
    void shouldKeepTheAnalysisCoreOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.rebuildcauses.analysis..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.rebuildcauses.analysis..", "java..")
                .check(classes);
    }

    @Test
    void shouldKeepTheAnalysisCoreUnawareOfItsAdapters() {
        noClasses()
                .that()
                .resideInAPackage("dev.rebuildcauses.analysis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rebuildcauses.harvest..",
                        "dev.rebuildcauses.report..",
                        "dev.rebuildcauses.service..",
                        "dev.rebuildcauses.app..")
                .check(classes);
    }

    @Test
    void shouldKeepHarvestAndReportApart() {
        noClasses()
                .that()
                .resideInAPackage("dev.rebuildcauses.harvest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rebuildcauses.report..", "dev.rebuildcauses.service..", "dev.rebuildcauses.app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.rebuildcauses.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rebuildcauses.harvest..", "dev.rebuildcauses.service..", "dev.rebuildcauses.app..")
                .check(classes);
    }

    @Test
    void shouldKeepTheStoreIndependentOfTheBuildServerAndChangeSourceAdapters() {
        // The store keeps what any adapter harvested; it must not need Jenkins or Bitbucket code
        // to read or write it (e.g. a report on a machine that never talks to either).
        noClasses()
                .that()
                .resideInAPackage("dev.rebuildcauses.harvest.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rebuildcauses.harvest.jenkins..",
                        "dev.rebuildcauses.harvest.bitbucket..",
                        "dev.rebuildcauses.harvest.git..",
                        "dev.rebuildcauses.harvest.http..",
                        "dev.rebuildcauses.harvest.run..",
                        "dev.rebuildcauses.harvest.config..")
                .check(classes);
    }

    @Test
    void shouldKeepTheSharedHarvestTypesNeutral() {
        classes()
                .that()
                .resideInAnyPackage("dev.rebuildcauses.harvest.model..", "dev.rebuildcauses.harvest.changes..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.rebuildcauses.harvest.model..",
                        "dev.rebuildcauses.harvest.changes..",
                        "dev.rebuildcauses.analysis.model..",
                        "java..")
                .check(classes);
    }

    @Test
    void shouldKeepTheSharedServiceFreeOfTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("dev.rebuildcauses.service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.rebuildcauses.app..", "picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
