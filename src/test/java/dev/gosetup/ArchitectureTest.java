package dev.gosetup;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the packages depend on each other, read from the compiled classes (so a fully qualified name in the
 * middle of a method counts as much as an import). The engine never reaches for JavaFX or a face: the window
 * (ui) and the command line (cli) are thin faces over it, and only the start (dev.gosetup's Main and
 * AppContext) knows them all. Every package is covered by a pattern, so a new one is checked without anyone
 * remembering to list it.
 */
class ArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importTheApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gosetup");
        assertThat(app.containPackage("dev.gosetup.install")).as("the engine packages are there to check").isTrue();
        assertThat(app.containPackage("dev.gosetup.ui")).isTrue();
    }

    @Test
    void everythingButTheWindowIsFreeOfJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gosetup..").and().resideOutsideOfPackage("dev.gosetup.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
                .because("the engine and the command line run where no display (and no JavaFX toolkit) is");
        rule.check(app);
    }

    @Test
    void theEngineNeverReachesForAFace() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gosetup.*..")
                .and().resideOutsideOfPackages("dev.gosetup.ui..", "dev.gosetup.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gosetup.ui..", "dev.gosetup.cli..")
                .because("the faces render what the engine reports, never the other way round");
        rule.check(app);
    }

    @Test
    void theWindowAndTheCommandLineDoNotUseEachOther() {
        noClasses().that().resideInAPackage("dev.gosetup.ui..").should().dependOnClassesThat().resideInAPackage("dev.gosetup.cli..")
                .check(app);
    }

    @Test
    void i18nStandsAlone() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.gosetup.i18n..")
                .should().dependOnClassesThat(resideInAPackage("dev.gosetup..").and(not(resideInAnyPackage("dev.gosetup.i18n.."))))
                .because("every package speaks through i18n (Problem, Text, Messages); a way back would make a cycle");
        rule.check(app);
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching("dev.gosetup.(*)..").should().beFreeOfCycles().check(app);
    }

    @Test
    void hostAndItsOsPackagesReadOneWay() {
        // host owns the NativeCalls seam; host.mac, host.linux and host.windows implement it; host.live chooses.
        // The OS packages (and snapshot) stand alone beside the seam they implement; only host.live knows them all.
        slices().matching("dev.gosetup.host.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("dev.gosetup.host.live.."), com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .check(app);
        noClasses().that().resideInAPackage("dev.gosetup.host").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gosetup.host.*..").because("host owns the seams its sub-packages implement")
                .check(app);
    }

    @Test
    void noPackageCycleAnywhere() {
        slices().matching("dev.gosetup.(**)").should().beFreeOfCycles().check(app);
    }
}
