package cn.chifeng.title.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import cn.chifeng.title.support.Dossiers;

/**
 * Two nodes of the product (the packaged jar, {@code java -jar}, profiles {@code postgres,demo}) on one PostgreSQL:
 * started at the same moment (they race on the start-up seeding), then a season slice driven over HTTP, each
 * request to the other node: applications submitted, every review stage decided in Tasklist's REST, stage notices
 * published by their bodies and ended by their timers, which the nodes' job executors fire by themselves. Meanwhile
 * one node is killed hard ({@code kill -9}) and started again on the same database. At the end: every application
 * in the state the script decided, every stage completed once, every timer fired once, every e-mail sent once (one
 * duplicate with the same Message-ID allowed per kill: the send and the crash before its commit), no incident, no
 * job with an exception, no orphan job, and both nodes ran jobs.
 * <p>
 * Needs the jar ({@code mvn package}, which {@code mvn verify} runs first). The full run:
 * {@code mvn -B failsafe:integration-test@h2 failsafe:verify@h2 -Dit.test=TwoNodesIT -Dcluster.applications=500
 * -Dcluster.kills=3} (see README, several nodes).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TwoNodesIT.LogsOnFailure.class)
class TwoNodesIT {
    private static final int APPLICATIONS = Integer.getInteger("cluster.applications", 24);
    private static final int KILLS = Integer.getInteger("cluster.kills", 1);
    private static final Duration NOTICE = Duration.ofSeconds(Integer.getInteger("cluster.notice-seconds", 6));
    private static final Duration START = Duration.ofMinutes(4);
    private static final String PASSWORD = "demo";
    private static final String REJECTING_STAGE = "Task_CountyHrReview";
    private static final List<String> APPLICANTS = List.of("applicant1", "applicant2", "applicant3", "applicant4",
            "applicant5", "applicant6", "applicant7");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger turn = new AtomicInteger();
    private EmbeddedPostgres postgres;
    private DataSource db;
    private GreenMail smtp;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> requestsPerNode = new TreeMap<>();
    private int retries;

    @BeforeAll
    void startTwoNodesTogether() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("title-evaluation-.*\\.jar")).findFirst()
                    .orElse(null);
        }
        assertThat(jar).as("target/title-evaluation-*.jar is missing: build it first with "
                + "mvn -B -o -q package -DskipTests").isNotNull();
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> properties = List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--title.publicity.demo-period=" + NOTICE.toSeconds() + "s",
                // the tests' checklist: no material is required before a one-step submission
                "--title.materials.checklist=file:" + Path.of("target", "test-classes", "materials-checklist-test.yaml")
                        .toAbsolutePath(),
                // a killed node's locked jobs are taken over after this long (default 5 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                // an idle acquisition looks again within 2 s (default: backs off up to 60 s)
                "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
        nodes.add(new Node("node-a", freePort(), jar, properties));
        nodes.add(new Node("node-b", freePort(), jar, properties));
        long started = System.nanoTime();
        nodes.forEach(Node::start);
        for (Node n : nodes) {
            n.awaitReady(START);
        }
        System.out.printf("[cluster] both nodes ready after %d s (started together)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Node n : nodes) {
            n.kill();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSeasonSliceSplitAcrossTwoNodesSurvivesAKill() throws Exception {
        startUpSeededOnce();
        long sliceStart = System.nanoTime();
        int year = demoYear();

        // the script decides each application's end: every fifth rejected by its county HR bureau, the rest approved
        // by every stage up to the committee office (then waiting for its evaluation session)
        Map<String, String> processOf = new LinkedHashMap<>();
        Set<String> rejected = new HashSet<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            var dossier = json.convertValue(Dossiers.dossier().season(year).name("集群" + chinese(i)).build(),
                    Map.class);
            dossier.remove("applicantUserId");
            Map<String, Object> r = send(APPLICANTS.get(i % APPLICANTS.size()), "POST", "/api/applications", dossier,
                    201);
            processOf.put((String) r.get("applicationId"), null);
            if (i % 5 == 4) {
                rejected.add((String) r.get("applicationId"));
            }
        }
        fillProcessInstances(processOf);

        Set<String> published = new HashSet<>();
        int kills = 0;
        int completed = 0;
        int stagesToComplete = 5 * (APPLICATIONS - rejected.size()) + 3 * rejected.size();
        long deadline = System.nanoTime() + Duration.ofMinutes(Math.max(4, APPLICATIONS / 20)).toNanos();
        while (!finished(processOf.keySet(), rejected)) {
            assertThat(System.nanoTime()).as("the slice did not finish in time").isLessThan(deadline);
            boolean progress = false;
            for (OpenTask t : openTasks(processOf)) {
                boolean reject = rejected.contains(t.applicationId) && REJECTING_STAGE.equals(t.stage);
                Map<String, Object> variables = Map.of(
                        "decision", Map.of("value", reject ? "REJECT" : "APPROVE"),
                        "comment", Map.of("value", reject ? "不符合申报条件，不予通过" : "同意"),
                        "attested", Map.of("value", !reject));
                if (trySend(t.group, "POST", "/engine-rest/task/" + t.id + "/submit-form",
                        Map.of("variables", variables), 204)) {
                    progress = true;
                    completed++;
                    // kill -9 at even points of the slice, alternating the nodes, while their jobs run
                    // (only while the other node serves: one node is down at a time)
                    if (kills < KILLS && completed >= (kills + 1) * stagesToComplete / (KILLS + 1)
                            && nodes.stream().allMatch(Node::ready)) {
                        kills++;
                        killAndRestart(nodes.get(kills % 2));
                    }
                }
            }
            for (Map.Entry<String, List<String>> notice : unpublishedNotices(processOf, published).entrySet()) {
                String[] kindAndGroup = notice.getKey().split("\\|");
                if (trySend(kindAndGroup[1], "POST", "/api/publications",
                        Map.of("kind", kindAndGroup[0], "applicationIds", notice.getValue()), 201)) {
                    notice.getValue().forEach(a -> published.add(a + "|" + notice.getKey()));
                    progress = true;
                }
            }
            if (!progress) {
                Thread.sleep(300);
            }
        }
        for (Node n : nodes) {
            n.awaitReady(START);
        }
        long sliceSeconds = Duration.ofNanos(System.nanoTime() - sliceStart).toSeconds();
        awaitOutboxSent(Duration.ofSeconds(90));

        Map<String, Long> jobsPerHost = counts("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
                + "group by hostname_");
        System.out.printf("[cluster] %d applications (%d rejected), %d kill(s), slice %d s, requests per node %s, "
                + "successful jobs per node %s, HTTP retries %d%n", APPLICATIONS, rejected.size(), kills,
                sliceSeconds, requestsPerNode, jobsPerHost, retries);
        checkInvariants(processOf, rejected, jobsPerHost, kills);
    }

    // ---- the checks ---------------------------------------------------------------------------------------------

    private void startUpSeededOnce() throws SQLException {
        assertThat(counts("select name_, count(*) from act_ru_filter group by name_ having count(*) > 1"))
                .as("Tasklist filters made twice").isEmpty();
        assertThat(counts("select name_, count(*) from act_re_deployment group by name_ having count(*) > 1"))
                .as("start-up deployments made twice").isEmpty();
        assertThat(counts("select season_year || '', count(*) from season group by season_year having count(*) > 1"))
                .isEmpty();
        assertThat(counts("select id_number, count(*) from application group by id_number having count(*) > 1"))
                .as("demo applications made twice").isEmpty();
        assertThat(count("select count(*) from act_ru_filter")).isEqualTo(3);
    }

    private void checkInvariants(Map<String, String> processOf, Set<String> rejected, Map<String, Long> jobsPerHost,
                                 int kills) throws Exception {
        String ours = processOf.values().stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
        String ourApps = processOf.keySet().stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
        // every application where the script sent it, once
        assertThat(count("select count(*) from application where id in (" + ourApps + ")"))
                .isEqualTo(APPLICATIONS);
        assertThat(counts("select id_number, count(*) from application group by id_number having count(*) > 1"))
                .as("no duplicate application").isEmpty();
        Map<String, String> status = strings("select id, status from application where id in (" + ourApps + ")");
        processOf.keySet().forEach(id -> assertThat(status.get(id)).as(id)
                .isEqualTo(rejected.contains(id) ? "REJECTED" : "IN_EVALUATION"));
        // every stage completed once per application
        assertThat(counts("select proc_inst_id_ || task_def_key_, count(*) from act_hi_taskinst where proc_inst_id_ in ("
                + ours + ") group by proc_inst_id_, task_def_key_ having count(*) > 1"))
                .as("a stage's task made or completed twice").isEmpty();
        long stages = count("select count(*) from act_hi_taskinst where end_time_ is not null and delete_reason_ = "
                + "'completed' and proc_inst_id_ in (" + ours + ")");
        assertThat(stages).as("5 stages approved, or 3 then the rejection")
                .isEqualTo(5L * (APPLICATIONS - rejected.size()) + 3L * rejected.size());
        long notices = count("select count(*) from act_hi_procinst where proc_def_key_ = 'publicity'");
        // every notice's timer fired once, and each notice ended
        assertThat(counts("select job_id_, count(*) from act_hi_job_log where job_state_ = 2 group by job_id_ "
                + "having count(*) > 1")).as("a job succeeded twice").isEmpty();
        assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'publicity' and end_time_ is null"))
                .as("notices still running").isZero();
        long timers = count("select count(*) from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_"
                + " where p.proc_def_key_ = 'publicity' and l.job_def_type_ like 'timer%' "
                + "and l.job_state_ = 2");
        assertThat(timers).as("one fired timer per notice").isEqualTo(notices);
        // nothing stuck
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null or exception_stack_id_ "
                + "is not null")).as("jobs with an exception").isZero();
        assertThat(count("select count(*) from act_ru_job j where j.process_instance_id_ is not null and not exists "
                + "(select 1 from act_ru_execution e where e.id_ = j.process_instance_id_)")).as("orphan jobs").isZero();
        assertThat(count("select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ < now()"))
                .as("jobs still locked by a dead node").isZero();
        // every notification sent, by e-mail once per Message-ID
        assertThat(count("select count(*) from notification where sent_at is null")).as("unsent notifications").isZero();
        Map<String, Long> received = new HashMap<>();
        for (var m : smtp.getReceivedMessages()) {
            received.merge(m.getMessageID(), 1L, Long::sum);
        }
        Set<String> mailed = new HashSet<>(strings("select message_id, message_id from notification where "
                + "recipient_email is not null and channel = 'EMAIL'").keySet());
        assertThat(received.keySet()).as("every e-mail notification arrived").containsAll(mailed);
        List<String> duplicates = received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        System.out.printf("[cluster] %d stage tasks completed, %d notices (timers fired %d), %d e-mails received, "
                + "%d notifications, duplicates (same Message-ID) %s%n", stages, notices, timers,
                smtp.getReceivedMessages().length, count("select count(*) from notification"), duplicates);
        assertThat(duplicates).as("a duplicate only where a node died between the send and its commit")
                .hasSizeLessThanOrEqualTo(kills);
        assertThat(received.values()).allMatch(n -> n <= 2);
        // both nodes did some of the jobs
        assertThat(jobsPerHost.keySet()).contains("node-a", "node-b");
        assertThat(jobsPerHost.values()).allMatch(n -> n > 0);
    }

    private void awaitOutboxSent(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count("select count(*) from notification where sent_at is null") > 0) {
            assertThat(System.nanoTime()).as("notifications still unsent").isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private boolean finished(Set<String> ids, Set<String> rejected) throws SQLException {
        String in = ids.stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
        Map<String, String> status = strings("select id, status from application where id in (" + in + ")");
        for (String id : ids) {
            if (!status.get(id).equals(rejected.contains(id) ? "REJECTED" : "IN_EVALUATION")) {
                return false;
            }
        }
        // and every notice over
        return count("select count(*) from act_ru_execution where proc_def_id_ like 'publicity:%'") == 0;
    }

    // ---- a node dies ----------------------------------------------------------------------------------------------

    private void killAndRestart(Node node) throws Exception {
        long pid = node.pid();
        node.kill();
        System.out.printf("[cluster] killed %s (pid %d, kill -9) in the middle of the slice%n", node.name, pid);
        // started again at once; the other node serves every request until this one is ready
        node.start();
    }

    // ---- reading the database -------------------------------------------------------------------------------------

    private record OpenTask(String id, String stage, String group, String applicationId) {
    }

    private List<OpenTask> openTasks(Map<String, String> processOf) throws SQLException {
        Map<String, String> applicationOf = processOf.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        List<OpenTask> tasks = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet r = s.executeQuery(
                "select t.id_, t.task_def_key_, l.group_id_, t.proc_inst_id_ from act_ru_task t join act_ru_identitylink l"
                        + " on l.task_id_ = t.id_ and l.type_ = 'candidate' where t.proc_def_id_ like "
                        + "'title-application:%' order by t.create_time_")) {
            while (r.next()) {
                String app = applicationOf.get(r.getString(4));
                if (app != null) {
                    tasks.add(new OpenTask(r.getString(1), r.getString(2), r.getString(3), app));
                }
            }
        }
        return tasks;
    }

    /** Applications waiting for a stage notice that nobody published yet, by notice kind and publishing body. */
    private Map<String, List<String>> unpublishedNotices(Map<String, String> processOf, Set<String> published)
            throws SQLException {
        Map<String, String> applicationOf = processOf.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<String, List<String>> waiting = new TreeMap<>();
        try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet r = s.executeQuery(
                "select e.proc_inst_id_, k.text_, g.text_ from act_ru_execution e "
                        + "join act_ru_variable k on k.proc_inst_id_ = e.proc_inst_id_ and k.name_ = 'stagePublicity' "
                        + "join act_ru_variable g on g.proc_inst_id_ = e.proc_inst_id_ and g.name_ = 'publicityGroup' "
                        + "where e.act_id_ = 'Receive_StagePublicity'")) {
            while (r.next()) {
                String app = applicationOf.get(r.getString(1));
                String key = r.getString(2) + "|" + r.getString(3);
                if (app != null && !published.contains(app + "|" + key)) {
                    waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(app);
                }
            }
        }
        return waiting;
    }

    private void fillProcessInstances(Map<String, String> processOf) throws SQLException {
        String in = processOf.keySet().stream().map(p -> "'" + p + "'").collect(Collectors.joining(","));
        processOf.putAll(strings("select id, process_instance_id from application where id in (" + in + ")"));
        assertThat(processOf.values()).doesNotContainNull();
    }

    private int demoYear() throws SQLException {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return count("select count(*) from season where season_year = " + thisYear + " and demo") > 0 ? thisYear
                : thisYear + 1;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(String.valueOf(r.getString(1)), r.getLong(2));
            }
        }
        return out;
    }

    private Map<String, String> strings(String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.getConnection(); var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    // ---- HTTP, each request to the next live node -----------------------------------------------------------------

    private Map<String, Object> send(String user, String method, String path, Object body, int expected)
            throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            Node node = nextNode();
            try {
                HttpResponse<String> r = request(node, user, method, path, body);
                if (r.statusCode() == expected) {
                    return r.body().isBlank() ? Map.of() : json.readValue(r.body(), Map.class);
                }
                throw new AssertionError(method + " " + path + " → " + r.statusCode() + " " + r.body());
            } catch (IOException nodeDown) {
                retries++;
                Thread.sleep(200);
            }
        }
        throw new AssertionError(method + " " + path + ": no node answered");
    }

    /** One attempt; a node being down or a conflict with a job (optimistic locking) is retried in the next round. */
    private boolean trySend(String user, String method, String path, Object body, int expected) throws Exception {
        Node node = nextNode();
        try {
            HttpResponse<String> r = request(node, user, method, path, body);
            if (r.statusCode() == expected) {
                return true;
            }
            if (r.statusCode() != 500 && r.statusCode() != 409 && r.statusCode() != 404) {
                throw new AssertionError(method + " " + path + " on " + node.name + " → " + r.statusCode() + " "
                        + r.body());
            }
            System.out.printf("[cluster] retry later: %s %s on %s → %d %s%n", method, path, node.name,
                    r.statusCode(), r.body());
        } catch (IOException nodeDown) {
            // the node died under the request: the next round asks the other one
        }
        retries++;
        return false;
    }

    private Node nextNode() throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
                if (n.ready()) {
                    return n;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no node is running");
    }

    private HttpResponse<String> request(Node node, String user, String method, String path, Object body)
            throws IOException, InterruptedException {
        requestsPerNode.merge(node.name, 1, Integer::sum);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String chinese(int i) {
        String digits = "零一二三四五六七八九";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    /** On failure, the tails of the nodes' logs (the whole logs stay in target/cluster/). */
    static class LogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance().ifPresent(t -> ((TwoNodesIT) t).nodes.forEach(n -> System.out.println(n.tail(60))));
        }
    }
}
