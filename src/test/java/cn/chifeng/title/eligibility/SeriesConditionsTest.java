package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code series-conditions} (ELI-1): education × current level × years, at each threshold. */
class SeriesConditionsTest {
    private static final DmnEngine DMN = cn.chifeng.title.feel.CachingFeelEngineFactory.dmnEngine(); // as the product evaluates
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("dmn/eligibility.dmn")) {
            decision = DMN.parseDecision("series-conditions", in);
        }
    }

    @ParameterizedTest(name = "{0} from {1}, {2}, {3} years → {4}")
    @CsvSource(delimiter = ';', textBlock = """
            ASSISTANT;NONE;MASTER;0;PASS
            ASSISTANT;NONE;BACHELOR;1;PASS
            ASSISTANT;NONE;BACHELOR;0;FAIL
            ASSISTANT;MEMBER;COLLEGE;3;PASS
            ASSISTANT;NONE;COLLEGE;2;FAIL
            ASSISTANT;NONE;SECONDARY;5;PASS
            ASSISTANT;NONE;SECONDARY;4;FAIL
            INTERMEDIATE;NONE;DOCTOR;0;PASS
            INTERMEDIATE;NONE;BACHELOR;10;FAIL
            INTERMEDIATE;ASSISTANT;MASTER;2;PASS
            INTERMEDIATE;ASSISTANT;MASTER;1;FAIL
            INTERMEDIATE;ASSISTANT;BACHELOR;4;PASS
            INTERMEDIATE;ASSISTANT;BACHELOR;3;FAIL
            INTERMEDIATE;ASSISTANT;COLLEGE;4;PASS
            INTERMEDIATE;ASSISTANT;SECONDARY;9;FAIL
            ASSOCIATE_SENIOR;ASSISTANT;BACHELOR;9;FAIL
            ASSOCIATE_SENIOR;INTERMEDIATE;DOCTOR;2;PASS
            ASSOCIATE_SENIOR;INTERMEDIATE;DOCTOR;1;FAIL
            ASSOCIATE_SENIOR;INTERMEDIATE;BACHELOR;5;PASS
            ASSOCIATE_SENIOR;INTERMEDIATE;BACHELOR;4;FAIL
            ASSOCIATE_SENIOR;INTERMEDIATE;SECONDARY;20;FAIL
            SENIOR;ASSOCIATE_SENIOR;BACHELOR;5;PASS
            SENIOR;ASSOCIATE_SENIOR;BACHELOR;4;FAIL
            SENIOR;ASSOCIATE_SENIOR;COLLEGE;15;FAIL
            SENIOR;INTERMEDIATE;DOCTOR;15;FAIL
            """)
    void statusAtTheThreshold(String target, String current, String education, int years, String verdict) {
        DmnDecisionRuleResult r = DMN.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("targetLevel", target).putValue("currentLevel", current).putValue("education", education)
                .putValue("qualifyingYears", years)).getSingleResult();

        assertThat((String) r.getEntry("seriesStatus")).isEqualTo(verdict);
        assertThat((String) r.getEntry("seriesMessage")).containsPattern("\\p{IsHan}");
    }
}
