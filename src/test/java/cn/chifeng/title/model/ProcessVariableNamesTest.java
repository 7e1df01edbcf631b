package cn.chifeng.title.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Code names a process variable by a constant of its process's class ({@code TitleApplicationProcess.Vars},
 * {@code PublicityProcess.Vars}, {@code ReviewRemindersProcess.Vars}), never by a string of its own.
 */
class ProcessVariableNamesTest {
    private static final Pattern RAW = Pattern.compile(
            "(?:get|set|remove|has)Variables?(?:Local)?(?:Typed)?\\((?:[^,()\"]*,\\s*)?\"([A-Za-z_]\\w*)\"");

    static List<String> rawNames(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = RAW.matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theCheckCatchesARawName() {
        assertThat(rawNames("execution.getVariable(\"season\"); runtime.setVariable(id, \"status\", x);"
                + " task.getVariable(Vars.SEASON);")).containsExactly("season", "status");
    }

    @Test
    void mainCodeNamesNoVariableByARawString() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String name : rawNames(Files.readString(f))) {
                    offenders.add(f + ": \"" + name + "\"");
                }
            }
        }
        assertThat(offenders).as("variables named by a raw string instead of a process constant").isEmpty();
    }
}
