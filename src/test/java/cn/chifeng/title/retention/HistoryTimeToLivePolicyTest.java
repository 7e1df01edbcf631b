package cn.chifeng.title.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * The TTLs of the models are policy: each process (by key) and each decision file has a row in the README's table
 * of engine history ("History and retention"), and the model's {@code historyTimeToLive} is the row's number of
 * days — a TTL changed in a model without the policy, or the other way round, fails here.
 */
class HistoryTimeToLivePolicyTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w.-]+)` \\| (\\d+) days? \\|", Pattern.MULTILINE);

    private static Map<String, Integer> policy() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## History and retention");
        assertThat(start).as("README section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = ROW.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Map<String, Integer> days = new HashMap<>();
        while (m.find()) {
            days.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return days;
    }

    private static List<Path> files(String folder, String ext) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(folder))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void everyProcessHasTheTtlOfThePolicy() throws IOException {
        Map<String, Integer> policy = policy();
        List<Path> models = files("processes", ".bpmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            for (Process p : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
                assertThat(policy).as("README row for process " + p.getId()).containsKey(p.getId());
                assertThat(p.getCamundaHistoryTimeToLive()).as(file + " " + p.getId()).isEqualTo(policy.get(p.getId()));
            }
        }
    }

    @Test
    void everyDecisionHasTheTtlOfItsFilesRow() throws IOException {
        Map<String, Integer> policy = policy();
        List<Path> models = files("dmn", ".dmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            String name = file.getFileName().toString();
            assertThat(policy).as("README row for " + name).containsKey(name);
            for (Decision d : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
                assertThat(d.getCamundaHistoryTimeToLive()).as(name + " " + d.getId()).isEqualTo(policy.get(name));
            }
        }
    }
}
