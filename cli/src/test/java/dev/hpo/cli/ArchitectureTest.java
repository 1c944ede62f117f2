package dev.hpo.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of DESIGN.md, checked on the compiled classes of engine, xgboost and cli (the command line
 * module sees all three): no Jenkins class outside the plugin, the engine knows neither the built-in
 * algorithm nor the command line, and no package cycles.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.hpo");
    }

    @Test
    void noJenkinsClassOutsideThePlugin() {
        noClasses().that().resideInAnyPackage("dev.hpo.engine..", "dev.hpo.xgboost..", "dev.hpo.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..")
                .check(classes);
    }

    @Test
    void theEngineDependsOnNeitherTheAlgorithmNorTheCommandLine() {
        noClasses().that().resideInAPackage("dev.hpo.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hpo.xgboost..", "dev.hpo.cli..", "ml.dmlc..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hpo.xgboost..")
                .should().dependOnClassesThat().resideInAPackage("dev.hpo.cli..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.hpo.(**)").should().beFreeOfCycles().check(classes);
    }
}
