package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code series-conditions} (ELI-1): education × current level × years, at each threshold. */
class SeriesConditionsTest {
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("dmn/eligibility.dmn")) {
            decision = DMN.parseDecision("series-conditions", in);
        }
    }

    @ParameterizedTest(name = "{0} from {1}, {2}, {3} years → {4}")
    @CsvSource(delimiter = ';', textBlock = """
            ASSISTANT;NONE;MASTER;0;ELIGIBLE
            ASSISTANT;NONE;BACHELOR;1;ELIGIBLE
            ASSISTANT;NONE;BACHELOR;0;INELIGIBLE
            ASSISTANT;MEMBER;COLLEGE;3;ELIGIBLE
            ASSISTANT;NONE;COLLEGE;2;INELIGIBLE
            ASSISTANT;NONE;SECONDARY;5;ELIGIBLE
            ASSISTANT;NONE;SECONDARY;4;INELIGIBLE
            INTERMEDIATE;NONE;DOCTOR;0;ELIGIBLE
            INTERMEDIATE;NONE;BACHELOR;10;INELIGIBLE
            INTERMEDIATE;ASSISTANT;MASTER;2;ELIGIBLE
            INTERMEDIATE;ASSISTANT;MASTER;1;INELIGIBLE
            INTERMEDIATE;ASSISTANT;BACHELOR;4;ELIGIBLE
            INTERMEDIATE;ASSISTANT;BACHELOR;3;INELIGIBLE
            INTERMEDIATE;ASSISTANT;COLLEGE;4;ELIGIBLE
            INTERMEDIATE;ASSISTANT;SECONDARY;9;INELIGIBLE
            ASSOCIATE_SENIOR;ASSISTANT;BACHELOR;9;INELIGIBLE
            ASSOCIATE_SENIOR;INTERMEDIATE;DOCTOR;2;ELIGIBLE
            ASSOCIATE_SENIOR;INTERMEDIATE;DOCTOR;1;INELIGIBLE
            ASSOCIATE_SENIOR;INTERMEDIATE;BACHELOR;5;ELIGIBLE
            ASSOCIATE_SENIOR;INTERMEDIATE;BACHELOR;4;INELIGIBLE
            ASSOCIATE_SENIOR;INTERMEDIATE;SECONDARY;20;INELIGIBLE
            SENIOR;ASSOCIATE_SENIOR;BACHELOR;5;ELIGIBLE
            SENIOR;ASSOCIATE_SENIOR;BACHELOR;4;INELIGIBLE
            SENIOR;ASSOCIATE_SENIOR;COLLEGE;15;INELIGIBLE
            SENIOR;INTERMEDIATE;DOCTOR;15;INELIGIBLE
            """)
    void verdictAtTheThreshold(String target, String current, String education, int years, String verdict) {
        DmnDecisionRuleResult r = DMN.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("targetLevel", target).putValue("currentLevel", current).putValue("education", education)
                .putValue("qualifyingYears", years)).getSingleResult();

        assertThat((String) r.getEntry("verdict")).isEqualTo(verdict);
        assertThat((String) r.getEntry("reason")).containsPattern("\\p{IsHan}");
    }
}
