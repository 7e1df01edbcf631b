package cn.chifeng.title.printform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The printed forms are an end of the line: only the pages — the portal's and the reviewers' workbench — use them. */
class PrintFormModuleTest {

    @Test
    void noModuleButThePagesUseThePrintedForms() {
        noClasses().that().resideOutsideOfPackages("cn.chifeng.title.printform..", "cn.chifeng.title.portal..",
                        "cn.chifeng.title.workbench..")
                .should().dependOnClassesThat().resideInAPackage("cn.chifeng.title.printform..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("cn.chifeng.title"));
    }
}
