package cn.chifeng.title.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One check per decision table of {@code dmn/eligibility.dmn}: its hit policy, that every rule's outputs stay
 * within the table's allowed values, that the last rule catches everything (the table always answers), and that
 * every rule cites its clause.
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

        assertThat(table.getHitPolicy()).as(id).isEqualTo(HitPolicy.FIRST);
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).getOutputValues() == null) {
                    continue;
                }
                Set<String> allowed = Arrays.stream(outputs.get(i).getOutputValues().getTextContent().split(","))
                        .map(String::trim).collect(Collectors.toSet());
                String value = entries.get(i).getTextContent().trim();
                assertThat(value.equals("null") || allowed.contains(value))
                        .as(id + " " + rule.getId() + " output " + value + " in " + allowed).isTrue();
            }
            assertThat(rule.getDescription().getTextContent()).as(id + " " + rule.getId())
                    .containsPattern("(ELI|SUP)-\\d+").contains("通知");
        }
        Rule last = List.copyOf(table.getRules()).get(table.getRules().size() - 1);
        assertThat(last.getInputEntries()).as(id + " last rule catches all").extracting(InputEntry::getTextContent)
                .allMatch(t -> t.trim().equals("-"));
    }
}
