package cn.chifeng.title;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * CONVENTIONS 9: the domain rules (facts, checks, verdicts, codes) stay free of Spring and Camunda; controllers
 * leave the database to repositories. Each rule is also run against a fixture package with one class that breaks it
 * and one that only looks like it would, so that a rule that checks less than its name says fails here.
 */
class ArchitectureTest {
    /** The domain rules by their simple names (nested classes included), one predicate: no precedence to get wrong. */
    static final String DOMAIN_RULES = ".*\\.(ResidentIdNumber|CreditCode|QualifyingYears|ServiceYears|EligibilityFacts"
            + "|Verdict|Dossier|Season|Level|Series|Education|EmployerType|EmployerLevel|EvaluationType|ServicePlace"
            + "|TalentProgram|ApplicationStatus)(\\$.*)?";

    static final ArchRule DOMAIN_RULES_DEPEND_ON_NEITHER_SPRING_NOR_CAMUNDA = noClasses()
            .that().haveNameMatching(DOMAIN_RULES)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..");

    static final ArchRule CONTROLLERS_DO_NOT_TALK_TO_THE_DATABASE = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate");

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.chifeng.title");
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("cn.chifeng.title.archfixture");

    @Test
    void domainRulesDependOnNeitherSpringNorCamunda() {
        assertThat(PRODUCT.stream().filter(c -> c.getName().matches(DOMAIN_RULES)).count())
                .as("the rule finds the domain classes").isGreaterThanOrEqualTo(15);
        DOMAIN_RULES_DEPEND_ON_NEITHER_SPRING_NOR_CAMUNDA.check(PRODUCT);
    }

    @Test
    void controllersDoNotTalkToTheDatabaseDirectly() {
        CONTROLLERS_DO_NOT_TALK_TO_THE_DATABASE.check(PRODUCT);
    }

    @Test
    void theRulesCatchTheFixturesThatBreakThem() {
        EvaluationResult domain = DOMAIN_RULES_DEPEND_ON_NEITHER_SPRING_NOR_CAMUNDA.evaluate(FIXTURE);
        assertThat(domain.hasViolation()).isTrue();
        assertThat(domain.getFailureReport().getDetails()).anyMatch(d -> d.contains("archfixture.ServiceYears"))
                .noneMatch(d -> d.contains("archfixture.SeasonService"));

        EvaluationResult controllers = CONTROLLERS_DO_NOT_TALK_TO_THE_DATABASE.evaluate(FIXTURE);
        assertThat(controllers.getFailureReport().getDetails()).anyMatch(d -> d.contains("FixtureController"));
    }
}
