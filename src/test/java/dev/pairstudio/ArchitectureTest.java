package dev.pairstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, enforced: the core runs without JavaFX and packages form no cycles. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pairstudio");
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.pairstudio.ui..", "dev.pairstudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .because("the core, CLI and API run and are tested without JavaFX")
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.pairstudio.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pairDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.pairstudio.pair..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.pairstudio.pair..", "java..")
                .check(classes);
    }

    @Test
    void coreNeverReachesIntoTheFaces() {
        noClasses().that().resideInAnyPackage("dev.pairstudio.pair..", "dev.pairstudio.sql..", "dev.pairstudio.privacy..",
                        "dev.pairstudio.store..", "dev.pairstudio.stats..", "dev.pairstudio.io..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pairstudio.cli..", "dev.pairstudio.api..",
                        "dev.pairstudio.ui..", "dev.pairstudio.app..")
                .check(classes);
    }
}
