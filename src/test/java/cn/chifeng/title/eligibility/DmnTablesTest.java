package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One check per decision table of {@code dmn/eligibility.dmn}, beyond the lint every table passes
 * ({@code model/DmnLint}): first hit written in the file, the last rule catches everything (the table always
 * answers), every rule cites its ELI or SUP requirement and the notice.
 */
class DmnTablesTest {
    private static final DmnModelInstance MODEL = Dmn.readModelFromFile(new File("dmn/eligibility.dmn"));

    @ParameterizedTest
    @ValueSource(strings = {"series-conditions", "exam-based-levels", "exam-combined", "green-channel",
            "non-public-direct", "grassroots-tilt", "rural-service", "rural-early", "frontline-medical",
            "continuing-education", "credit-record", "post-quota"})
    void tableHasFirstHitAllowedOutputsACatchAllAndCitations(String id) {
        Decision decision = MODEL.getModelElementById(id);
        DecisionTable table = (DecisionTable) decision.getExpression();

        // the rules every table follows are DmnLint's (ModelCheckTest); here what eligibility tables add
        assertThat(table.getHitPolicy()).as(id).isEqualTo(HitPolicy.FIRST); // written in the file: DmnLint
        for (Rule rule : table.getRules()) {
            assertThat(rule.getDescription().getTextContent()).as(id + " " + rule.getId())
                    .containsPattern("(ELI|SUP)-\\d+").contains("通知");
        }
        Rule last = List.copyOf(table.getRules()).get(table.getRules().size() - 1);
        assertThat(last.getInputEntries()).as(id + " last rule catches all").extracting(InputEntry::getTextContent)
                .allMatch(t -> t.trim().equals("-"));
    }
}
