package org.spikecore.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's one-way layering: core ← train ← io ← sweep ← cli, core on the JDK alone, Spark in the sweep module alone. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.spikecore");
    }

    @Test
    void modulesDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("core").definedBy("org.spikecore", "org.spikecore.fixed..", "org.spikecore.model..",
                        "org.spikecore.memory..", "org.spikecore.energy..", "org.spikecore.engine..",
                        "org.spikecore.learn..", "org.spikecore.data..")
                .layer("train").definedBy("org.spikecore.train..")
                .layer("io").definedBy("org.spikecore.io..")
                .layer("sweep").definedBy("org.spikecore.sweep..")
                .layer("cli").definedBy("org.spikecore.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("sweep").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("sweep", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("io", "cli")
                .check(classes);
    }

    @Test
    void coreUsesOnlyTheJdk() {
        noClasses().that().resideInAnyPackage("org.spikecore", "org.spikecore.fixed..", "org.spikecore.model..",
                        "org.spikecore.memory..", "org.spikecore.energy..", "org.spikecore.engine..",
                        "org.spikecore.learn..", "org.spikecore.data..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.spikecore..", "java..", "javax..",
                        "jdk.incubator.vector..")
                .check(classes);
    }

    @Test
    void onlyTheSweepModuleTouchesSpark() {
        noClasses().that().resideOutsideOfPackage("org.spikecore.sweep..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }

    @Test
    void fixedPointDependsOnNothingElseInSpikecore() {
        noClasses().that().resideInAPackage("org.spikecore.fixed..").should().dependOnClassesThat()
                .resideInAnyPackage("org.spikecore.model..", "org.spikecore.memory..", "org.spikecore.engine..",
                        "org.spikecore.energy..", "org.spikecore.learn..", "org.spikecore.data..")
                .check(classes);
    }
}
