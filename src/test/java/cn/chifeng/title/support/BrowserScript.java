package cn.chifeng.title.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a playwright-core script of {@code src/test/ui} against the test server in Debian's chromium; says what is
 * missing when the browser or the Node packages are not installed ({@code bash .ci/run} installs them; with
 * {@code UI_TESTS_REQUIRED=1} a missing browser fails the test).
 */
public final class BrowserScript {
    public static final Path UI_DIR = Path.of("src", "test", "ui").toAbsolutePath();
    public static final Path SCREENSHOTS = Path.of("target", "ui-screenshots").toAbsolutePath();

    private BrowserScript() {
    }

    /** What is missing to run a browser script, or an empty list. */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(UI_DIR.resolve("node_modules").resolve("playwright-core"))) {
            missing.add(UI_DIR.resolve("node_modules") + " (npm ci in src/test/ui)");
        }
        if (!Files.isExecutable(Path.of(chromium()))) {
            missing.add(chromium() + " (apt-get install -y chromium fonts-wqy-microhei)");
        }
        if (onPath("node") == null) {
            missing.add("node on the PATH (Node.js 20 or later)");
        }
        return missing;
    }

    /**
     * For a browser test's {@code @BeforeEach}: returns when the browser is there; otherwise fails the test under
     * {@code UI_TESTS_REQUIRED=1} or skips it, saying what is missing.
     */
    public static void requireOrSkip(String test) {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = test + " needs " + String.join(", ", missing)
                + "; `bash .ci/run` installs them and runs `mvn -B verify`";
        if (required()) {
            org.junit.jupiter.api.Assertions.fail(message + " (UI_TESTS_REQUIRED=1)");
        }
        System.err.println("[" + test + "] SKIPPED: " + message);
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    public static boolean required() {
        return "1".equals(System.getenv("UI_TESTS_REQUIRED"));
    }

    /** Runs the script with its arguments; returns its output; the exit status must be 0. */
    public static Result run(String script, String logName, String... args) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        File log = SCREENSHOTS.resolve(logName).toFile();
        List<String> command = new ArrayList<>(List.of(onPath("node"), UI_DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(UI_DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        boolean finished = p.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Result(finished && p.exitValue() == 0, Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    /** Whether the script succeeded, and what it printed. */
    public record Result(boolean ok, String output) {
    }

    public static String chromium() {
        String c = System.getenv("CHROMIUM");
        return c == null || c.isBlank() ? "/usr/bin/chromium" : c;
    }

    /** The absolute path of an executable found on the PATH, or null. */
    public static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
