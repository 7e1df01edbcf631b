package cn.chifeng.title.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.chifeng.title.feel.CachingFeelEngineFactory;

/** EVA-7: the thresholds of {@code dmn/evaluation-vote.dmn} and the whole-number rule at its boundaries. */
class VoteRuleTest {
    private static final DmnEngine DMN = CachingFeelEngineFactory.dmnEngine();
    private static VoteRule rule;

    @BeforeAll
    static void fromTheTable() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("dmn/evaluation-vote.dmn"))) {
            DmnDecision d = DMN.parseDecision("evaluation-vote", in);
            for (String seat : new String[] {"COUNTY", "CITY", "REGION"}) {
                Map<String, Object> r = DMN.evaluateDecisionTable(d, Variables.createVariables().putValue("seat", seat))
                        .getSingleResult().getEntryMap();
                VoteRule atSeat = new VoteRule(((Number) r.get("quorumNumerator")).intValue(),
                        ((Number) r.get("quorumDenominator")).intValue(), ((Number) r.get("passNumerator")).intValue(),
                        ((Number) r.get("passDenominator")).intValue());
                assertThat(atSeat).as("the 2025 rule is the national one at every seat")
                        .isEqualTo(new VoteRule(2, 3, 2, 3));
                rule = atSeat;
            }
        }
    }

    @ParameterizedTest(name = "{0} of {1} drawn attend → quorate {2}")
    @CsvSource({"10,15,true", "9,15,false", "15,15,true", "7,10,true", "6,10,false", "2,3,true", "1,3,false",
            "5,7,true", "4,7,false", "0,9,false"})
    void attendanceOfTwoThirds(int attending, int drawn, boolean quorate) {
        assertThat(rule.quorate(attending, drawn)).isEqualTo(quorate);
    }

    @ParameterizedTest(name = "{0} of {1} attending in favour → passes {2}")
    @CsvSource({"7,10,true", "6,10,false", "10,15,true", "9,15,false", "2,3,true", "1,3,false", "7,11,false",
            "8,11,true", "0,9,false", "9,9,true"})
    void inFavourOfTwoThirdsOfThoseAttending(int inFavour, int attending, boolean passes) {
        assertThat(rule.passes(inFavour, attending)).isEqualTo(passes);
    }

    @Test
    void impossibleCountsAndFractionsAreRefused() {
        assertThatThrownBy(() -> rule.quorate(16, 15)).hasMessageContaining("出席人数");
        assertThatThrownBy(() -> rule.passes(11, 10)).hasMessageContaining("同意票");
        assertThatThrownBy(() -> rule.passes(0, 0)).hasMessageContaining("同意票");
        assertThatThrownBy(() -> new VoteRule(4, 3, 2, 3)).hasMessageContaining("出席比例");
        assertThatThrownBy(() -> new VoteRule(2, 3, 2, 0)).hasMessageContaining("通过比例");
    }
}
