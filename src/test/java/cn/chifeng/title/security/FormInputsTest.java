package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * Model check of the forms as the engine guard reads them: what a person may enter never includes state that
 * decides the flow, and every text they may type has a length limit within an engine string variable.
 */
class FormInputsTest {

    static List<String> violations(TaskForm form) {
        List<String> found = new ArrayList<>();
        form.inputs().values().forEach(f -> {
            if (TitleApplicationProcess.Vars.FLOW_STATE.contains(f.key())) {
                found.add(form.id() + ": enables the flow-state variable " + f.key());
            }
            if (("textfield".equals(f.type()) || "textarea".equals(f.type()))
                    && f.maxLength() >= TaskForm.ENGINE_STRING_LIMIT) {
                found.add(form.id() + ": " + f.key() + " has no maxLength below " + TaskForm.ENGINE_STRING_LIMIT);
            }
        });
        return found;
    }

    @Test
    void theShippedFormsLetPeopleEnterOnlyTheirDecision() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("forms"))) {
            files = s.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            TaskForm form = TaskForm.parse(Files.readString(file));
            assertThat(violations(form)).as(file.toString()).isEmpty();
            assertThat(form.inputs()).as(file + " has something to decide").isNotEmpty();
        }
    }

    @Test
    void theCheckCatchesAFormThatEnablesFlowStateOrUnboundedText() {
        TaskForm bad = TaskForm.parse("""
                {"id": "bad", "components": [
                  {"type": "number", "key": "routeIndex", "label": "跳过"},
                  {"type": "textarea", "key": "note", "label": "备注"},
                  {"type": "textfield", "key": "applicantName", "disabled": true}
                ]}""");
        assertThat(violations(bad)).containsExactlyInAnyOrder("bad: enables the flow-state variable routeIndex",
                "bad: note has no maxLength below 4000");
    }

    @Test
    void displayFieldsAndTextAreNotInputsAndChoicesAreRead() {
        TaskForm form = TaskForm.parse("""
                {"id": "f", "components": [
                  {"type": "text", "text": "{{applicationId}}"},
                  {"type": "textfield", "key": "applicantName", "disabled": true},
                  {"type": "group", "components": [
                    {"type": "radio", "key": "decision", "label": "审核结论",
                     "values": [{"label": "通过", "value": "APPROVE"}, {"label": "退回", "value": "RETURN"}]}
                  ]},
                  {"type": "select", "key": "expert", "label": "专家", "valuesKey": "candidates"},
                  {"type": "textarea", "key": "comment", "validate": {"maxLength": 9000}}
                ]}""");

        assertThat(form.inputs()).containsOnlyKeys("decision", "expert", "comment");
        assertThat(form.inputs().get("decision").values()).containsExactly("APPROVE", "RETURN");
        assertThat(form.inputs().get("decision").valueLabels()).containsExactly("通过（APPROVE）", "退回（RETURN）");
        assertThat(form.inputs().get("expert").valuesKey()).isEqualTo("candidates");
        assertThat(form.inputs().get("comment").maxLength()).isEqualTo(TaskForm.ENGINE_STRING_LIMIT);
    }
}
