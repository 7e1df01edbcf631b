package cn.chifeng.title;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** CONVENTIONS 9: the domain rules (facts, checks, verdicts, codes) stay free of Spring and Camunda. */
@AnalyzeClasses(packages = "cn.chifeng.title", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainRulesDependOnNeitherSpringNorCamunda = noClasses()
            .that().haveSimpleNameStartingWith("ResidentIdNumber")
            .or().haveSimpleNameStartingWith("CreditCode")
            .or().haveSimpleNameStartingWith("QualifyingYears")
            .or().haveSimpleNameStartingWith("ServiceYears")
            .or().haveSimpleNameStartingWith("EligibilityFacts")
            .or().haveSimpleNameStartingWith("Verdict")
            .or().haveSimpleNameStartingWith("Dossier")
            .and().doNotHaveSimpleName("DossierValidator").and().doNotHaveSimpleName("Dossiers")
            .or().haveSimpleNameStartingWith("Season").and().resideInAPackage("..season..")
            .and().doNotHaveSimpleName("SeasonService").and().doNotHaveSimpleName("SeasonRepository")
            .and().doNotHaveSimpleName("SeasonController").and().doNotHaveSimpleName("SeasonDeadlines")
            .and().doNotHaveSimpleName("SeasonProperties").and().doNotHaveSimpleName("SeasonTimers")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..");

    @ArchTest
    static final ArchRule controllersDoNotTalkToTheDatabaseDirectly = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate");
}
