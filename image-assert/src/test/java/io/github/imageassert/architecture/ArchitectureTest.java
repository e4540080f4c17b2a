package io.github.imageassert.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.imageassert.testing.architecture.ApiShapeRules;

/**
 * The shape of the library: every package is its own slice and no two slices depend on each other in a cycle;
 * what users see (everything outside {@code ..internal..}) never names an internal type in a signature they can
 * call or extend. The rules are shared with the other modules ({@link ApiShapeRules}).
 */
@AnalyzeClasses(packages = "io.github.imageassert", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = ApiShapeRules.packagesFormNoCycle();

    @ArchTest
    static final ArchRule publicCodeNamesNoInternalType = ApiShapeRules.publicCodeNamesNoInternalType();

    @ArchTest
    static final ArchRule publicFieldsNameNoInternalType = ApiShapeRules.publicFieldsNameNoInternalType();

    @ArchTest
    static final ArchRule apiTypesExtendNoInternalType = ApiShapeRules.publicTypesExtendNoInternalType();
}
