package io.github.imageassert.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.imageassert.testing.architecture.ApiShapeRules;

/**
 * The shape of the module. Users call {@code StructureTests}, run {@code StructureTestsCli} and may catch
 * {@code config.StructureTestConfigException}; everything else lives in {@code io.github.imageassert.structure.internal..}.
 * Dependencies run one way (public to internal, never back), the packages form no cycle, and the core's internals
 * (the engine client, the one-shot containers) are used by this module's internals only.
 */
@AnalyzeClasses(packages = "io.github.imageassert.structure", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "io.github.imageassert.structure";

    @ArchTest
    static final ArchRule thePublicPackageHoldsOnlyWhatUsersCallOrCatch = classes()
            .that().resideInAPackage(API)
            .should().haveNameMatching("io\\.github\\.imageassert\\.structure\\.(StructureTests|StructureTestsCli)");

    @ArchTest
    static final ArchRule theConfigPackageHoldsOnlyTheExceptionUsersCatch = classes()
            .that().resideInAPackage(API + ".config")
            .should().haveFullyQualifiedName(API + ".config.StructureTestConfigException");

    @ArchTest
    static final ArchRule packagesFormNoCycle = ApiShapeRules.packagesFormNoCycle();

    @ArchTest
    static final ArchRule internalsNeverReachThePublicPackage = noClasses()
            .that().resideInAPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage(API);

    @ArchTest
    static final ArchRule onlyTheInternalPackagesUseTheCoresInternals = noClasses()
            .that().resideOutsideOfPackage(API + ".internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.imageassert.internal..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that().resideOutsideOfPackage(API + ".internal.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyTheTestFactoryUsesJunit = noClasses()
            .that().doNotHaveFullyQualifiedName(API + ".StructureTests")
            .should().dependOnClassesThat().resideInAPackage("org.junit..");

    @ArchTest
    static final ArchRule publicCodeNamesNoInternalType = ApiShapeRules.publicCodeNamesNoInternalType();

    @ArchTest
    static final ArchRule publicFieldsNameNoInternalType = ApiShapeRules.publicFieldsNameNoInternalType();

    @ArchTest
    static final ArchRule publicTypesExtendNoInternalType = ApiShapeRules.publicTypesExtendNoInternalType();
}
