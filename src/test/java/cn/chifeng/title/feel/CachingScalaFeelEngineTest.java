package cn.chifeng.title.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The caching FEEL engine decides exactly as the shipped one, and parses each text once. */
class CachingScalaFeelEngineTest {

    @Test
    void decidesTheEligibilityGraphExactlyAsTheShippedFeelEngine() throws IOException {
        DmnEngine shipped = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine caching = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()).feelEngineFactory(new CachingFeelEngineFactory()).buildEngine();
        DmnDecision a = parse(shipped);
        DmnDecision b = parse(caching);
        int compared = 0;
        for (String series : List.of("ENGINEERING", "HEALTH", "ACCOUNTING", "PRIMARY_SECONDARY_TEACHER")) {
            for (String level : List.of("ASSISTANT", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR")) {
                for (int years : new int[] {0, 1, 4, 5, 12, 30}) {
                    for (String type : List.of("PUBLIC_INSTITUTION", "PRIVATE_ENTERPRISE")) {
                        Map<String, Object> facts = facts(series, level, years, type);
                        Object expected = shipped.evaluateDecision(a, Variables.fromMap(facts)).getSingleResult()
                                .getSingleEntry();
                        Object actual = caching.evaluateDecision(b, Variables.fromMap(facts)).getSingleResult()
                                .getSingleEntry();
                        assertThat(actual).as(facts.toString()).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(192);
    }

    @Test
    void parsesEachTextOnce() {
        CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of());
        var vars = Variables.createVariables().putValue("x", 5).asVariableContext();
        assertThat(feel.<Object>evaluateSimpleExpression("x + 1", vars)).isEqualTo(6L);
        assertThat(feel.evaluateSimpleUnaryTests(">= 5", "x", vars)).isTrue();
        int cached = feel.cachedCount();
        assertThat(feel.<Object>evaluateSimpleExpression("x + 1", Variables.createVariables().putValue("x", 7)
                .asVariableContext())).isEqualTo(8L);
        assertThat(feel.evaluateSimpleUnaryTests(">= 5", "x", Variables.createVariables().putValue("x", 4)
                .asVariableContext())).isFalse();
        assertThat(feel.cachedCount()).isEqualTo(cached).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorIsReportedAsTheShippedEngineDoes() {
        CachingScalaFeelEngine feel = new CachingScalaFeelEngine(List.of());
        assertThatThrownBy(() -> feel.evaluateSimpleExpression("x +* 1",
                Variables.createVariables().asVariableContext())).isInstanceOf(FeelException.class);
    }

    private static DmnDecision parse(DmnEngine engine) throws IOException {
        try (InputStream in = new FileInputStream("dmn/eligibility.dmn")) {
            return engine.parseDecision("eligibility", in);
        }
    }

    private static Map<String, Object> facts(String series, String level, int years, String type) {
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("series", series);
        f.put("specialty", "专业");
        f.put("targetLevel", level);
        f.put("currentLevel", "INTERMEDIATE");
        f.put("levelGap", 1);
        f.put("education", "BACHELOR");
        f.put("employerType", type);
        f.put("employerLevel", "CITY");
        f.put("evaluationType", "REGULAR");
        f.put("qualifyingYears", years);
        f.put("yearsInTitle", years);
        f.put("yearsOfWork", years);
        f.put("yearsInRegion", years);
        f.put("countyYears", years);
        f.put("townshipYears", years);
        f.put("ruralYears", years);
        f.put("ruralYearsSinceTitle", years);
        f.put("ruralMonthsThisYear", years);
        f.put("talentProgram", years == 12 ? "NEW_ERA_L2" : "NONE");
        f.put("greenChannelUsed", false);
        f.put("examValid", years > 4);
        f.put("frontlineMedical", years == 30);
        f.put("frontlineTiltUsed", false);
        f.put("continuingEducationDone", years != 1);
        f.put("assessmentPassed", true);
        f.put("onInnovationLeave", false);
        f.put("barred", years == 0);
        f.put("violationDate", years == 0 ? "2024-01-01" : "");
        f.put("overPostRatio", years == 5 ? Boolean.TRUE : null);
        f.put("checkDate", "2025-06-10");
        return f;
    }
}
