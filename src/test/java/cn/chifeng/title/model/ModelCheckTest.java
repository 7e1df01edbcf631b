package cn.chifeng.title.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Model checks (CONVENTIONS 8): the shipped BPMN, DMN and forms follow the project's rules. */
class ModelCheckTest {
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern GENERATED = Pattern.compile(
            "(Activity|Gateway|Event|Flow|StartEvent|EndEvent|SequenceFlow|Task|DecisionTable|Rule|Input|Output|"
                    + "InputClause|OutputClause|UnaryTests|LiteralExpression|Decision|Definitions|Form|Field)"
                    + "_(?=[0-9a-z]{0,6}[0-9])[0-9a-z]{7}(?![A-Za-z0-9_])");
    private static final Pattern DELEGATE = Pattern.compile("#\\{[a-z][A-Za-z]+}");

    @Test
    void theGeneratedIdPatternRecognisesModelerIdsButNotOurs() {
        assertThat("Activity_0x1y2z3").containsPattern(GENERATED);
        assertThat("Flow_1k2j3h4").containsPattern(GENERATED);
        assertThat("Task_UnitReview").doesNotContainPattern(GENERATED);
        assertThat("Field_applicantName").doesNotContainPattern(GENERATED);
    }

    private static List<Path> files(String folder, String ext) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(folder))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void everyProcessParsesIsExecutableAndHasAHistoryTimeToLive() throws IOException {
        assertThat(files("processes", ".bpmn")).isNotEmpty();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);
            for (Process p : model.getModelElementsByType(Process.class)) {
                assertThat(p.isExecutable()).as(file + " executable").isTrue();
                assertThat(p.getCamundaHistoryTimeToLiveString()).as(file + " historyTimeToLive").isNotBlank();
                assertThat(p.getName()).as(file + " name").containsPattern(CHINESE);
            }
        }
    }

    @Test
    void everyUserTaskHasAChineseNameAFormCandidateGroupsAndDocumentation() throws IOException {
        Set<String> forms = formIds();
        for (Path file : files("processes", ".bpmn")) {
            for (UserTask t : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                String where = file + " " + t.getId();
                assertThat(t.getName()).as(where + " name").containsPattern(CHINESE);
                assertThat(t.getCamundaFormRef()).as(where + " formRef").isIn(forms);
                assertThat(t.getCamundaFormRefBinding()).as(where + " formRefBinding").isEqualTo("deployment");
                assertThat(t.getDocumentations()).as(where + " documentation").isNotEmpty();
                if (t.getCamundaAssignee() == null) {
                    assertThat(t.getCamundaCandidateGroups()).as(where + " candidate groups").isNotBlank();
                } else {
                    // a personal task (an expert's seat) has no candidate group: its documentation says so
                    assertThat(t.getCamundaCandidateGroups()).as(where + " personal task with groups").isNull();
                    assertThat(t.getDocumentations().iterator().next().getTextContent()).as(where + " personal")
                            .contains("个人任务");
                }
            }
        }
    }

    @Test
    void everyServiceTaskUsesADelegateExpressionBean() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            for (ServiceTask t : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
                assertThat(t.getCamundaDelegateExpression()).as(file + " " + t.getId()).matches(DELEGATE);
                assertThat(t.getCamundaClass()).as(file + " " + t.getId()).isNull();
                assertThat(t.getCamundaExpression()).as(file + " " + t.getId()).isNull();
            }
        }
    }

    @Test
    void everyFlowNodeIsNamedInChineseAndNoIdIsGenerated() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
                assertThat(n.getName()).as(file + " " + n.getId() + " name").containsPattern(CHINESE);
            }
            for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
                if (e.getId() != null) {
                    assertThat(e.getId()).as(file + " id").doesNotContainPattern(GENERATED);
                }
            }
        }
    }

    @Test
    void everyElementOfEveryProcessIsDocumented() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            for (FlowNode n : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowNode.class)) {
                assertThat(n.getDocumentations()).as(file + " " + n.getId() + " documentation").isNotEmpty();
                assertThat(n.getDocumentations().iterator().next().getTextContent())
                        .as(file + " " + n.getId()).containsPattern(CHINESE);
            }
        }
    }

    /** Dates are the season's (configuration, {@code PUT /api/seasons}): a model that names one goes stale. */
    static final Pattern DATE_IN_TEXT = Pattern.compile("\\d{1,2}月\\d{1,2}日|\\d{2}-\\d{2}(?!\\d)");

    @Test
    void noModelNamesADateThatConfigurationMoves() throws IOException {
        assertThat("评审完成截止（9月30日）").containsPattern(DATE_IN_TEXT);
        assertThat("评审完成截止").doesNotContainPattern(DATE_IN_TEXT);
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
                assertThat(n.getName() == null ? "" : n.getName()).as(file + " " + n.getId() + " name")
                        .doesNotContainPattern(DATE_IN_TEXT);
                n.getDocumentations().forEach(d -> assertThat(d.getTextContent()).as(file + " " + n.getId())
                        .doesNotContainPattern(DATE_IN_TEXT));
            }
        }
    }

    @Test
    void everyDecisionPassesTheDmnLint() throws IOException {
        assertThat(files("dmn", ".dmn")).isNotEmpty();
        for (Path file : files("dmn", ".dmn")) {
            assertThat(DmnLint.violations(file.toString(), Files.readAllBytes(file))).isEmpty();
            assertThat(Files.readString(file)).as(file + " ids").doesNotContainPattern(GENERATED);
        }
    }

    @Test
    void theDmnLintCatchesATableThatBreaksItsRules() throws IOException {
        byte[] xml = ModelCheckTest.class.getResourceAsStream("/model/bad-table.dmn").readAllBytes();
        // the model answers UNIQUE for the missing attribute: only the file tells
        assertThat(Dmn.readModelFromStream(new java.io.ByteArrayInputStream(xml))
                .getModelElementsByType(DecisionTable.class)).singleElement()
                .satisfies(t -> assertThat(t.getHitPolicy()).isNotNull());
        assertThat(DmnLint.violations("bad", xml)).containsExactlyInAnyOrder(
                "bad bad-decision: no historyTimeToLive",
                "bad bad-decision: no Chinese name",
                "bad DecisionTable_bad: no hitPolicy in the file",
                "bad DecisionTable_bad Input_bad: no Chinese input label",
                "bad DecisionTable_bad Rule_bad: cites no clause",
                "bad DecisionTable_bad Rule_bad: output \"EVERYTHING\" not in [\"ROSTER\"]");
    }

    @Test
    void everyFormParsesHasAStableIdAndChineseLabels() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file : files("forms", ".form")) {
            JsonNode form = json.readTree(file.toFile());
            String name = file.getFileName().toString().replace(".form", "");
            assertThat(form.path("id").asText()).as(file + " id").isEqualTo(name);
            Set<String> keys = new HashSet<>();
            for (JsonNode c : form.path("components")) {
                assertThat(c.path("id").asText()).as(file + " component id").isNotBlank()
                        .doesNotContainPattern(GENERATED);
                if (c.has("key")) {
                    assertThat(keys.add(c.get("key").asText())).as(file + " duplicate key " + c.get("key")).isTrue();
                    assertThat(c.path("label").asText()).as(file + " " + c.get("key")).containsPattern(CHINESE);
                }
            }
        }
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files("forms", ".form")) {
            ids.add(json.readTree(file.toFile()).path("id").asText());
        }
        return ids;
    }
}
