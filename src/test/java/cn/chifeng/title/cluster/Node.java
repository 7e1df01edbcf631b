package cn.chifeng.title.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the test cluster: the product's jar in a child JVM ({@code java -jar}) with the profiles
 * {@code postgres,demo}, its own port and host name, its output in a file under {@code target/cluster/}.
 */
final class Node {
    static final String READY = "赤峰市职称评审（演示）";

    final String name;
    final int port;
    private final Path jar;
    private final List<String> properties;
    private Process process;
    private Path log;
    private int starts;
    private boolean ready;
    private long startedAt;

    Node(String name, int port, Path jar, List<String> properties) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.properties = properties;
    }

    /** Starts the JVM; its output goes to {@code target/cluster/<name>-<n>.log}. */
    synchronized void start() {
        starts++;
        ready = false;
        startedAt = System.nanoTime();
        try {
            Path dir = Files.createDirectories(Path.of("target", "cluster", name));
            log = dir.resolveSibling(name + "-" + starts + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString()));
            command.add("--server.port=" + port);
            command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
            command.addAll(properties);
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动节点 " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Running, and its start-up steps are done. */
    synchronized boolean ready() {
        if (!alive()) {
            return false;
        }
        if (!ready) {
            ready = output().contains(READY);
            if (ready) {
                System.out.printf("[cluster] %s ready %d s after its start%n", name,
                        Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
            }
        }
        return ready;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no commit of what is in flight. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** Ready when the start-up steps have logged the demo's banner; fails at once if the JVM ended. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("节点 " + name + " 启动失败（退出码 " + process.exitValue() + "）\n" + tail(80));
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("节点 " + name + " 未在 " + timeout.toSeconds() + " 秒内启动\n" + tail(80));
    }

    String output() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of every log of this node (all its starts). */
    String tail(int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path file = Path.of("target", "cluster", name + "-" + i + ".log");
            try {
                List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
                out.append("---- ").append(file).append(" (last ").append(lines).append(" lines)\n");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("---- ").append(file).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }
}
