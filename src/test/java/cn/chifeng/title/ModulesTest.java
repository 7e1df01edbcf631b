package cn.chifeng.title;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages (modules) depend on each other without cycles, and {@code docs/modules.md} draws them as they
 * are. The cycle rule is shown to fail on a fixture with a deliberate cycle.
 */
class ModulesTest {
    private static final String ROOT = "cn.chifeng.title.";
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.chifeng.title");

    static ArchRule noCycles(String modulePattern) {
        return slices().matching(modulePattern).should().beFreeOfCycles();
    }

    @Test
    void theModulesHaveNoCycle() {
        noCycles("cn.chifeng.title.(*)..").check(PRODUCT);
        assertThat(dependencies(PRODUCT).get("common")).as("common uses no module").isEmpty();
        assertThat(dependencies(PRODUCT).get("process")).as("process uses common alone").containsOnly("common");
    }

    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("cn.chifeng.title.archfixture.cycle");
        assertThat(noCycles("cn.chifeng.title.archfixture.cycle.(*)..").evaluate(fixture).hasViolation()).isTrue();
    }

    /** Module → the modules it uses, from the bytecode. */
    static Map<String, Set<String>> dependencies(JavaClasses classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = module(c.getPackageName());
            if (from == null) {
                continue;
            }
            uses.computeIfAbsent(from, k -> new TreeSet<>());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String to = module(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    uses.get(from).add(to);
                }
            });
        }
        return uses;
    }

    private static String module(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String rest = pkg.substring(ROOT.length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    static String diagram(Map<String, Set<String>> uses) {
        StringBuilder md = new StringBuilder("""
                # Modules

                The feature packages of `src/main/java/cn/chifeng/title` and which use which, read from the compiled
                classes by `ModulesTest` (which fails when this drawing is out of date, or on a cycle; a use of a
                compile-time constant alone, such as a process key, leaves no trace in the classes and is not drawn).
                `common`, the shared helpers, is left out: every module may use it and it uses none.

                ```mermaid
                flowchart LR
                """);
        uses.forEach((from, tos) -> {
            if (from.equals("common")) {
                return;
            }
            tos.stream().filter(to -> !to.equals("common")).forEach(to -> md.append("  ").append(from)
                    .append(" --> ").append(to).append('\n'));
        });
        return md.append("```\n").toString();
    }

    @Test
    void theDrawingInDocsIsTheModulesAsTheyAre() throws IOException {
        String expected = diagram(dependencies(PRODUCT));
        Path drawn = Path.of("docs", "modules.md");
        String actual = Files.exists(drawn) ? Files.readString(drawn) : "";
        if (!actual.equals(expected)) {
            Path fresh = Path.of("target", "modules.md");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected);
        }
        assertThat(actual).as("docs/modules.md is out of date: copy target/modules.md over it").isEqualTo(expected);
    }
}
