package cn.chifeng.title.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped table {@code dmn/stage-publicity.dmn} with the DMN engine alone: which approved stage publishes which
 * notice before the next level (REV-1 unit nominees, REV-3 rosters of the county bureau or a city department).
 */
class StagePublicityTableTest {
    private static final DmnEngine DMN = cn.chifeng.title.feel.CachingFeelEngineFactory.dmnEngine(); // as the product evaluates
    private static DmnDecision table;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("dmn/stage-publicity.dmn")) {
            table = DMN.parseDecision("stage-publicity", in);
        }
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            UNIT;COUNTY;UNIT_NOMINEES
            UNIT;CITY;UNIT_NOMINEES
            TALENT_CENTRE;COUNTY;UNIT_NOMINEES
            COUNTY_HR;COUNTY;ROSTER
            COUNTY_HR;TOWNSHIP;ROSTER
            COMPETENT_DEPT;CITY;ROSTER
            COMPETENT_DEPT;COUNTY;none
            COUNTY_EDUCATION;COUNTY;none
            CITY_HR;CITY;none
            CITY_EDUCATION;CITY;none
            REGION_HR;CITY;none
            COMMITTEE_OFFICE;COUNTY;none
            """)
    void theApprovedStagePublishesThisNotice(String stage, String employerLevel, String kind) {
        Object result = DMN.evaluateDecisionTable(table, Variables.createVariables().putValue("stage", stage)
                .putValue("employerLevel", employerLevel)).getSingleEntry();

        assertThat(result).isEqualTo(kind);
    }
}
