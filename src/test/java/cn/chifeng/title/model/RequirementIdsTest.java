package cn.chifeng.title.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every requirement ID cited by the models, the code, the tests and the traceability table is defined in docs/. */
class RequirementIdsTest {
    private static final Pattern ID = Pattern.compile("\\b(SEA|APP|REV|COR|ELI|EVA|PUB|ROS|SUP)-\\d+\\b");
    private static final Pattern DEFINED = Pattern.compile("(?m)^- ((SEA|APP|REV|COR|ELI|EVA|PUB|ROS|SUP)-\\d+) ");

    static Set<String> cited(String text) {
        Set<String> ids = new TreeSet<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    static Set<String> undefined(Set<String> defined, String text) {
        Set<String> missing = cited(text);
        missing.removeAll(defined);
        return missing;
    }

    private static Set<String> defined() throws IOException {
        Set<String> ids = new TreeSet<>();
        Matcher m = DEFINED.matcher(Files.readString(Path.of("docs/requirements.md")));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void everyCitedIdIsDefined() throws IOException {
        Set<String> defined = defined();
        assertThat(defined).hasSizeGreaterThan(60);
        for (String root : List.of("processes", "dmn", "forms", "src/main", "src/test/java", "docs/traceability.md")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("webjars"))
                        .filter(p -> !p.endsWith("RequirementIdsTest.java"))
                        .toList()) {
                    assertThat(undefined(defined, Files.readString(f))).as(f.toString()).isEmpty();
                }
            }
        }
    }

    @Test
    void anUndefinedIdIsCaught() {
        assertThat(undefined(Set.of("REV-1", "ELI-4"), "REV-1 and ELI-4, but ELI-99 and SUP-7")).containsExactly(
                "ELI-99", "SUP-7");
    }
}
