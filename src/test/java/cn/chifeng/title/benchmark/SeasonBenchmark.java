package cn.chifeng.title.benchmark;

import static cn.chifeng.title.support.Dossiers.dossier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.expert.ExpertPoolService;
import cn.chifeng.title.process.EvaluationSessionProcess;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.security.Roles;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * Benchmark, not a test (issue "scale"): a season at size against the bare engine, in one run, on the database of the
 * run (H2, or PostgreSQL with {@code -Dtest.database=postgres}).
 * <ol>
 * <li><b>The season</b>: N whole applications ({@code -Dseason.applications}, default 2000) of six route families
 * (county hospital, forwarded to the region, teacher, construction, freelancer, stationed unit), submitted by their
 * applicants over {@code POST /api/applications}, approved at every stage by the stage's reviewers over
 * {@code POST /engine-rest/task/{id}/submit-form}, their stage notices published by the bodies over
 * {@code POST /api/publications} and ended by their timers, then one committee session per evaluation group from
 * plan to confirmed results over the API (plan, approval, draw, attendance, blind review with opinions, meeting,
 * anonymous ballots, results notice, filing, confirmation). {@code -Dseason.clients} (default 4) clients work at
 * once.</li>
 * <li><b>The bare engine</b>, in the same JVM, engine and database with the same users, history level and
 * authorization: a process of the same shape — per application as many decision evaluations (a 20-rule FEEL table),
 * user tasks, timers and message correlations as the season needed, counted from the season's history — started and
 * completed over {@code /engine-rest}.</li>
 * <li><b>The queues</b>: {@code -Dseason.open-tasks} (default 20000) open review tasks at the county HR bureaus, and
 * as many bare tasks; a client in a separate JVM signs in to Tasklist as a county reviewer and measures Tasklist's
 * own call for 本单位待办 ({@code POST /filter/{id}/list} with the filter's card variables, and its count) against
 * the bare engine's candidate-group query and count.</li>
 * </ol>
 * Prints both rates and their ratio, p50/p95/p99 of each call, heap after GC, and on PostgreSQL the rows written and
 * scans per table for the season and for the bare run. Run: {@code mvn -B verify -Pbenchmark -Dit.test=SeasonBenchmark}.
 */
@Tag("benchmark")
class SeasonBenchmark extends IntegrationTestBase {
    private static final int APPLICATIONS = Integer.getInteger("season.applications", 2000);
    private static final int OPEN_TASKS = Integer.getInteger("season.open-tasks", 20000);
    private static final int CLIENTS = Integer.getInteger("season.clients", 4);
    private static final String BARE = "bare-season";
    private static final String BARE_QUEUE = "bare-queue";
    private static final String BARE_DECISION = "bare-eligibility";
    private static final LocalDate MEETING = LocalDate.of(2025, 6, 17);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationRepository register;
    @Autowired
    ExpertPoolService pools;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    cn.chifeng.title.organisation.OrganisationDirectory organisations;

    private BenchHttp http;
    private final Map<String, String> reviewers = new ConcurrentHashMap<>();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    /** A route family: the dossier, and the evaluation group its committee meets for. */
    private record Family(String name, Supplier<Dossiers> dossier, String committee, String series, String level) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("县医院（单位→主管部门→旗县区→市）", () -> dossier(), "cmte-engineering-city", "ENGINEERING",
                    "INTERMEDIATE"),
            new Family("副高（报送自治区）", () -> dossier().targetLevel("ASSOCIATE_SENIOR"), "cmte-engineering-region",
                    "ENGINEERING", "ASSOCIATE_SENIOR"),
            new Family("中小学教师（教育局）", () -> dossier().employer(Dossiers.NC_SCHOOL, "宁城县天义第一中学",
                    "PUBLIC_INSTITUTION", "COUNTY", "ningcheng", "ningcheng-edu").series("PRIMARY_SECONDARY_TEACHER")
                    .targetLevel("ASSOCIATE_SENIOR"), "cmte-pst-city", "PRIMARY_SECONDARY_TEACHER",
                    "ASSOCIATE_SENIOR"),
            new Family("建设工程（住建局）", () -> dossier().employer(Dossiers.WN_CONSTRUCTION, "翁牛特旗建筑工程公司",
                    "STATE_ENTERPRISE", "COUNTY", "wengniute", "wengniute-industry").series("CONSTRUCTION_ENGINEERING"),
                    "cmte-construction-city", "CONSTRUCTION_ENGINEERING", "INTERMEDIATE"),
            new Family("自由职业（人才服务中心）", () -> dossier().freelancer("aohan", "aohan-agri").series("AGRICULTURE"),
                    "cmte-agriculture-city", "AGRICULTURE", "INTERMEDIATE"),
            new Family("驻赤单位（委托评审）", () -> dossier().employer(Dossiers.CENTRAL_GRID, "国网赤峰供电公司",
                    "CENTRAL_STATIONED", "CITY", "hongshan", "city-industry").targetLevel("ASSOCIATE_SENIOR"),
                    "cmte-engineering-region", "ENGINEERING", "ASSOCIATE_SENIOR"));

    /** Latencies per call, nanoseconds. */
    private final Map<String, Collection<Long>> latencies = new ConcurrentHashMap<>();
    private final AtomicInteger timersFired = new AtomicInteger();
    private final AtomicInteger correlations = new AtomicInteger();

    @Test
    void aSeasonAgainstTheBareEngine() throws Exception {
        http = new BenchHttp("http://localhost:" + port, TestUsers.PASSWORD);
        boolean postgres = "postgres".equals(System.getProperty("test.database"));
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            applicants.add(users.applicant("season-" + run + "-" + i));
        }
        Map<String, List<String>> experts = new LinkedHashMap<>();
        FAMILIES.stream().map(Family::committee).distinct().forEach(c -> experts.put(c, pool(c)));
        warmUp();

        // ---- the season ---------------------------------------------------------------------------------------
        Map<String, long[]> before = postgres ? tableStats() : Map.of();
        long seasonStart = System.nanoTime();
        Map<String, List<String>> byGroup = submitAll(applicants);
        List<String> ids = byGroup.values().stream().flatMap(List::stream).toList();
        Map<String, String> pids = new HashMap<>();
        for (String id : ids) {
            pids.put(register.find(id).orElseThrow().processInstanceId(), id);
        }
        reviewEveryStage(pids.keySet());
        List<String> sessionInstances = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : byGroup.entrySet()) {
            Family f = FAMILIES.stream().filter(x -> key(x).equals(g.getKey())).findFirst().orElseThrow();
            sessionInstances.add(session(f, g.getValue(), experts.get(f.committee())));
        }
        long seasonNanos = System.nanoTime() - seasonStart;
        clock.set(DEFAULT_NOW);
        Map<String, long[]> afterSeason = postgres ? tableStats() : Map.of();
        long passed = ids.stream().filter(id -> register.find(id).orElseThrow().status() == ApplicationStatus.PASSED)
                .count();
        Shape shape = shape(pids.keySet(), sessionInstances, ids.size());
        long heapSeason = Figures.heapAfterGcMiB();
        System.out.printf("%n[season benchmark] season done: %d applications (%d passed) in %.1f s; %s%n", ids.size(),
                passed, seasonNanos / 1e9, shape);

        // ---- the bare engine, same shape ----------------------------------------------------------------------
        deployBare(shape);
        long bareStart = System.nanoTime();
        runBare(shape, applicants.size());
        long bareNanos = System.nanoTime() - bareStart;
        Map<String, long[]> afterBare = postgres ? tableStats() : Map.of();
        System.out.printf("[season benchmark] bare done: %d instances in %.1f s%n", applicants.size(), bareNanos / 1e9);

        // ---- the queues ---------------------------------------------------------------------------------------
        long seedStart = System.nanoTime();
        String county = seedQueues(OPEN_TASKS);
        long seedNanos = System.nanoTime() - seedStart;
        System.out.printf("[season benchmark] %d + %d open tasks seeded in %.1f s%n", OPEN_TASKS, OPEN_TASKS,
                seedNanos / 1e9);
        String queueReport = queueClient(county);
        long heapEnd = Figures.heapAfterGcMiB();

        // ---- figures ------------------------------------------------------------------------------------------
        double seasonRate = ids.size() / (seasonNanos / 1e9);
        double bareRate = applicants.size() / (bareNanos / 1e9);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n=== season benchmark: %s, %d cores, %d clients, history %s, authorization on ===%n",
                postgres ? "PostgreSQL (embedded)" : "H2", Runtime.getRuntime().availableProcessors(), CLIENTS,
                engine.getProcessEngineConfiguration().getHistory()));
        out.append(String.format("season: %d applications (%d passed) in %.1f s = %.2f applications/s%n", ids.size(),
                passed, seasonNanos / 1e9, seasonRate));
        out.append(String.format("  per application: %s%n", shape));
        out.append(String.format("bare engine, same shape: %d instances in %.1f s = %.2f instances/s%n",
                applicants.size(), bareNanos / 1e9, bareRate));
        out.append(String.format("ratio season / bare: %.2f×%n", seasonRate / bareRate));
        out.append(String.format("submissions: %.1f/s sustained (%d clients)%n", throughput("submit"), CLIENTS));
        out.append(Figures.header()).append('\n');
        latencies.keySet().stream().sorted().forEach(k -> out.append(Figures.row(k, Figures.of(latencies.get(k))))
                .append('\n'));
        out.append(String.format("queues: %d open review tasks and %d bare tasks seeded in %.1f s%n", OPEN_TASKS,
                OPEN_TASKS, seedNanos / 1e9));
        out.append(queueReport);
        out.append(String.format("heap after GC: %d MiB after the season, %d MiB at the end%n", heapSeason, heapEnd));
        if (postgres) {
            out.append("rows written per application (inserted+updated+deleted), season vs bare, busiest tables:\n");
            out.append(tableDelta(before, afterSeason, afterBare, ids.size()));
        }
        System.out.println(out);
        Path report = Path.of("target", "season-benchmark-" + (postgres ? "postgres" : "h2") + ".txt");
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(passed).as("every application passed").isEqualTo(ids.size());
    }

    // ---- the season: submissions ------------------------------------------------------------------------------

    private Map<String, List<String>> submitAll(List<String> applicants) throws Exception {
        Map<String, List<String>> byGroup = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        parallel(applicants.size(), i -> {
            Family f = FAMILIES.get(i % FAMILIES.size());
            Map<String, Object> body = BenchHttp.JSON.convertValue(f.dossier().get().name(name(i))
                    .idNumber(Dossiers.randomIdNumber()).build(), Map.class);
            long t = System.nanoTime();
            BenchHttp.Response r = http.ok("POST", "/api/applications", applicants.get(i), body);
            record("submit", t);
            byGroup.computeIfAbsent(key(f), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add((String) r.map().get("applicationId"));
        });
        submitSeconds = (System.nanoTime() - start) / 1e9;
        return byGroup;
    }

    private double submitSeconds;

    private double throughput(String call) {
        return latencies.get(call).size() / submitSeconds;
    }

    private static String name(int i) {
        String[] family = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"};
        String[] given = {"明", "华", "强", "敏", "静", "磊", "洋", "艳", "勇", "军"};
        return family[i % 10] + given[i / 10 % 10] + given[i / 100 % 10];
    }

    private static String key(Family f) {
        return f.committee() + "/" + f.series() + "/" + f.level();
    }

    // ---- the season: review stages and their notices -----------------------------------------------------------

    private void reviewEveryStage(Set<String> pids) throws Exception {
        for (int round = 0; round < 20; round++) {
            List<Task> open = tasks.createTaskQuery().processDefinitionKey(TitleApplicationProcess.KEY).list().stream()
                    .filter(t -> pids.contains(t.getProcessInstanceId())).toList();
            List<String> waiting = runtime.createExecutionQuery().processDefinitionKey(TitleApplicationProcess.KEY)
                    .activityId("Receive_StagePublicity").list().stream().map(e -> e.getProcessInstanceId())
                    .filter(pids::contains).distinct().toList();
            if (open.isEmpty() && waiting.isEmpty()) {
                return;
            }
            parallel(open.size(), i -> {
                Task t = open.get(i);
                complete("complete review task", t.getId(), reviewer(group(t.getId())), Map.of(
                        TitleApplicationProcess.Vars.DECISION, "APPROVE", TitleApplicationProcess.Vars.ATTESTED, true,
                        TitleApplicationProcess.Vars.COMMENT, "同意上报"));
            });
            publishWaiting(pids);
        }
        throw new IllegalStateException("the review did not finish in 20 rounds");
    }

    /** The bodies publish the stage notices of what waits for one, per body and kind; the periods end. */
    private void publishWaiting(Set<String> pids) throws Exception {
        Map<String, List<String>> notices = new LinkedHashMap<>();
        for (var e : runtime.createExecutionQuery().processDefinitionKey(TitleApplicationProcess.KEY)
                .activityId("Receive_StagePublicity").list()) {
            String pid = e.getProcessInstanceId();
            if (!pids.contains(pid)) {
                continue;
            }
            Map<String, Object> v = runtime.getVariables(pid, List.of("stagePublicity", "publicityGroup",
                    "applicationId"));
            notices.computeIfAbsent(v.get("stagePublicity") + "|" + v.get("publicityGroup"), k -> new ArrayList<>())
                    .add((String) v.get("applicationId"));
        }
        List<Map.Entry<String, List<String>>> batches = new ArrayList<>(notices.entrySet());
        parallel(batches.size(), i -> {
            String[] kindAndGroup = batches.get(i).getKey().split("\\|");
            long t = System.nanoTime();
            BenchHttp.Response r = http.ok("POST", "/api/publications", reviewer(kindAndGroup[1]),
                    Map.of("kind", kindAndGroup[0], "applicationIds", batches.get(i).getValue()));
            record("publish a stage notice (batch)", t);
            endNotice((String) r.map().get("publicationId"));
        });
    }

    /** The period's end: its timer fires (as the job executor would run it when due). */
    private void endNotice(String publicationId) {
        String pi = jdbc.queryForObject("select process_instance_id from publication where id = ?", String.class,
                publicationId);
        String job = management.createJobQuery().processInstanceId(pi).timers().singleResult().getId();
        long t = System.nanoTime();
        management.executeJob(job);
        record("notice period ends (timer job)", t);
        timersFired.incrementAndGet();
    }

    // ---- the season: the committee -------------------------------------------------------------------------

    /** Ten experts of the committee with accounts; three from a private enterprise. */
    private List<String> pool(String committee) {
        StringBuilder csv = new StringBuilder("姓名,专业,层级,工作单位,统一社会信用代码,是否民营企业,自主评审单位内部专家,已参评年度,登录账号\n");
        List<String> accounts = new ArrayList<>();
        String[] others = {Dossiers.HS_HOSPITAL, Dossiers.SD_TOWNSHIP, Dossiers.HS_VOCATIONAL, Dossiers.CITY_HOSPITAL,
                Dossiers.CITY_SCHOOL, Dossiers.AH_ASSOCIATION, Dossiers.CITY_DESIGN};
        for (int i = 0; i < 10; i++) {
            String account = "sx-" + run + "-" + committee.replace("cmte-", "") + "-" + i;
            users.user(account, Roles.EXPERTS);
            accounts.add(account);
            boolean privateEnterprise = i >= 7;
            csv.append("专家").append((char) ('甲' + i)).append(committee.hashCode() & 0xffff).append(run)
                    .append(",专业技术,正高级,")
                    .append(privateEnterprise ? "元宝山发电有限责任公司," + Dossiers.YB_POWER : "其他单位," + others[i])
                    .append(privateEnterprise ? ",是" : ",否").append(",,,").append(account).append("\n");
        }
        users.api(TestUsers.ADMIN, () -> pools.importFile(committee, csv.toString().getBytes(StandardCharsets.UTF_8),
                "pool.csv"));
        return accounts;
    }

    /** One session of the committee for the group's applications, from plan to confirmed results. */
    @SuppressWarnings("unchecked")
    private String session(Family f, List<String> ids, List<String> experts) throws Exception {
        clock.set(DEFAULT_NOW);
        String office = reviewer(f.committee());
        Map<String, Object> plan = new HashMap<>();
        plan.put("committee", f.committee());
        plan.put("season", 2025);
        plan.put("series", f.series());
        plan.put("targetLevel", f.level());
        plan.put("specialty", "专业技术");
        plan.put("meetingDate", MEETING.toString());
        plan.put("place", "赤峰市人力资源和社会保障局会议室");
        plan.put("procedure", "专家在线评审、会议评议、无记名投票");
        plan.put("measures", "评审纪律、保密和回避制度");
        plan.put("committeeSize", 7);
        plan.put("reserveSize", 2);
        plan.put("applicationIds", ids);
        long t = System.nanoTime();
        Map<String, Object> filed = http.ok("POST", "/api/evaluation-sessions", office, plan).map();
        record("file a committee plan", t);
        String sessionId = (String) filed.get("id");
        String pi = jdbc.queryForObject("select process_instance_id from evaluation_session where id = ?",
                String.class, sessionId);
        String approver = reviewer((String) filed.get("approverGroup"));
        completeAll(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN, x -> approver,
                Map.of(EvaluationSessionProcess.Vars.PLAN_DECISION, "APPROVE"));
        completeAll(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE, null,
                Map.of(EvaluationSessionProcess.Vars.ATTENDANCE, "ATTEND"));
        // blind review: each expert records an opinion on each application of their list, then completes
        List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EvaluationSessionProcess.TASK_BLIND_REVIEW).list();
        parallel(reviews.size(), i -> {
            Task r = reviews.get(i);
            for (Map<String, Object> row : http.ok("GET", "/api/evaluation-sessions/" + sessionId + "/blind",
                    r.getAssignee(), null).list()) {
                long s = System.nanoTime();
                http.ok("PUT", "/api/evaluation-sessions/" + sessionId + "/opinions/" + row.get("pseudonym"),
                        r.getAssignee(), Map.of("opinion", "业绩符合要求"));
                record("expert: record an opinion", s);
            }
            complete("complete a session task", r.getId(), r.getAssignee(),
                    Map.of(EvaluationSessionProcess.Vars.REVIEW_DONE, true));
        });
        clock.set(MEETING.atTime(9, 0));
        Task meeting = one(pi, EvaluationSessionProcess.TASK_HOLD_MEETING);
        List<String> choices = new ArrayList<>();
        for (var c : ((org.camunda.spin.json.SpinJsonNode) tasks.getVariable(meeting.getId(),
                EvaluationSessionProcess.Vars.MEMBER_CHOICES)).elements()) {
            choices.add(c.prop("value").stringValue());
        }
        t = System.nanoTime();
        http.ok("POST", "/engine-rest/task/" + meeting.getId() + "/submit-form", office, Map.of("variables",
                Map.of(EvaluationSessionProcess.Vars.ATTENDEES, Map.of("type", "Json", "value",
                        BenchHttp.write(choices)))));
        record("complete a session task", t);
        // the anonymous vote: every attending expert on every application (回避 answers 403 and is skipped)
        Map<String, Object> view = http.ok("GET", "/api/evaluation-sessions/" + sessionId, office, null).map();
        List<String> pseudonyms = ((List<Map<String, Object>>) view.get("applications")).stream()
                .map(a -> a.get("pseudonym").toString()).toList();
        List<String> voters = ((List<Map<String, Object>>) view.get("experts")).stream()
                .filter(s -> Boolean.TRUE.equals(s.get("attended")))
                .map(s -> jdbc.queryForObject("select account from expert where id = ?", String.class,
                        ((Number) s.get("expertId")).longValue())).toList();
        parallel(voters.size(), i -> {
            for (String p : pseudonyms) {
                long s = System.nanoTime();
                BenchHttp.Response r = http.send("POST", "/api/evaluation-sessions/" + sessionId + "/ballots",
                        voters.get(i), Map.of("pseudonym", p, "choice", "FOR"));
                if (r.status() == 201) {
                    record("expert: cast a ballot", s);
                } else if (r.status() != 403) {
                    throw new IllegalStateException("ballot: " + r.status() + " " + r.body());
                }
            }
        });
        completeAll(pi, EvaluationSessionProcess.TASK_CLOSE_VOTE, x -> office,
                Map.of(EvaluationSessionProcess.Vars.VOTE_CLOSED, true));
        completeAll(pi, EvaluationSessionProcess.TASK_PUBLISH_RESULTS, x -> office, Map.of());
        for (String publication : jdbc.queryForList("select distinct p.id from publication p join publication_item i "
                + "on i.publication_id = p.id where p.kind = 'RESULTS' and i.application_id in (" + ids.stream()
                .map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")", String.class)) {
            endNotice(publication);
        }
        completeAll(pi, EvaluationSessionProcess.TASK_FILE_CONFIRMATION, x -> office, Map.of(
                EvaluationSessionProcess.Vars.HAS_APPROVAL_REPORT, true,
                EvaluationSessionProcess.Vars.HAS_PUBLICITY_RECORD, true, EvaluationSessionProcess.Vars.HAS_ROSTER,
                true, EvaluationSessionProcess.Vars.HAS_COMMITMENT, true));
        String confirmer = reviewer((String) runtime.getVariable(pi, EvaluationSessionProcess.Vars.CONFIRMER_GROUP));
        completeAll(pi, EvaluationSessionProcess.TASK_CONFIRM_RESULTS, x -> confirmer,
                Map.of(EvaluationSessionProcess.Vars.CONFIRM_DECISION, "CONFIRM"));
        return pi;
    }

    private Task one(String pi, String activity) {
        return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(activity).singleResult();
    }

    /** Every open task of the activity, each by its assignee (or the given user), with these values. */
    private void completeAll(String pi, String activity, java.util.function.Function<Task, String> user,
                             Map<String, Object> values) throws Exception {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(activity).list();
        if (open.isEmpty()) {
            throw new IllegalStateException("no task " + activity + " in " + pi);
        }
        parallel(open.size(), i -> {
            Task t = open.get(i);
            complete("complete a session task", t.getId(), user == null ? t.getAssignee() : user.apply(t), values);
        });
    }

    // ---- shared ------------------------------------------------------------------------------------------

    /** Completes a task as Tasklist does: its form's values over {@code submit-form}. */
    private void complete(String call, String taskId, String user, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        long t = System.nanoTime();
        try {
            http.ok("POST", "/engine-rest/task/" + taskId + "/submit-form", user, Map.of("variables", variables));
        } catch (IllegalStateException e) {
            var m = java.util.regex.Pattern.compile("VariableInstanceEntity\\[([0-9a-f-]+)\\]").matcher(e.getMessage());
            if (m.find()) {
                throw new IllegalStateException("conflict on " + jdbc.queryForList("select v.name_, v.proc_def_key_, "
                        + "v.proc_inst_id_, v.task_id_ from act_hi_varinst v where v.id_ = ?", m.group(1)), e);
            }
            throw e;
        }
        record(call, t);
    }

    private String group(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    private String reviewer(String group) {
        return reviewers.computeIfAbsent(group, users::reviewer);
    }

    private void record(String call, long startNanos) {
        latencies.computeIfAbsent(call, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - startNanos);
    }

    /** Runs the n actions on the benchmark's clients; the first failure fails the run. */
    private void parallel(int n, Consumer<Integer> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                done.add(pool.submit(() -> action.accept(index)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A few calls of each kind before measuring, so that the first measured ones do not pay class loading. */
    private void warmUp() throws Exception {
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            warm.add(users.applicant("season-warm-" + run + "-" + i));
        }
        Map<String, Collection<Long>> kept = new HashMap<>(latencies);
        Map<String, List<String>> byGroup = submitAll(warm);
        Set<String> pids = byGroup.values().stream().flatMap(List::stream)
                .map(id -> register.find(id).orElseThrow().processInstanceId()).collect(Collectors.toSet());
        reviewEveryStage(pids);
        latencies.clear();
        latencies.putAll(kept);
        timersFired.set(0);
    }

    // ---- what the season did per application, for the bare process ------------------------------------------

    /** Per application, rounded: decision evaluations, user tasks, timers fired, message correlations. */
    record Shape(int decisions, int userTasks, int timers, int messages) {
        @Override
        public String toString() {
            return decisions + " decision evaluations, " + userTasks + " user tasks, " + timers + " timers, "
                    + messages + " message correlations";
        }
    }

    private Shape shape(Set<String> applicationInstances, List<String> sessionInstances, int n) {
        var history = engine.getHistoryService();
        long userTasks = 0;
        long messages = 0;
        long decisions = 0;
        List<String> all = new ArrayList<>(applicationInstances);
        all.addAll(sessionInstances);
        for (List<String> chunk : chunks(all, 500)) {
            String in = chunk.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            userTasks += jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ in (" + in + ")",
                    Long.class);
            messages += jdbc.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ in (" + in
                    + ") and act_type_ in ('receiveTask', 'intermediateMessageCatch', 'boundaryMessage')", Long.class);
            decisions += jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ in (" + in
                    + ") and root_dec_inst_id_ is null", Long.class);
        }
        // notices are their own instances (publicity, notice-work): their tasks count too
        userTasks += history.createHistoricTaskInstanceQuery().processDefinitionKey("notice-work").count();
        return new Shape(Math.max(1, Math.round((float) decisions / n)), Math.round((float) userTasks / n),
                Math.round((float) timersFired.get() / n), Math.round((float) messages / n));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    // ---- the bare engine --------------------------------------------------------------------------------------

    private static final String[] BARE_GROUPS = {"unit-nc-hospital", "ningcheng-health", "ningcheng-hr", "city-hr",
            "cmte-engineering-city"};

    /** start → the 20-rule table (as often as the season evaluated decisions) → tasks, timers, messages → end. */
    private void deployBare(Shape shape) {
        AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(BARE).name("基准流程").camundaHistoryTimeToLive(1)
                .startEvent();
        for (int d = 0; d < shape.decisions(); d++) {
            b = b.businessRuleTask("Decide_" + d).camundaDecisionRef(BARE_DECISION)
                    .camundaMapDecisionResult("singleEntry").camundaResultVariable("verdict" + d);
        }
        int steps = Math.max(shape.userTasks(), Math.max(shape.timers(), shape.messages()));
        for (int i = 0; i < steps; i++) {
            if (i < shape.userTasks()) {
                b = b.userTask("Task_" + i).camundaCandidateGroups("${group" + (i % BARE_GROUPS.length) + "}");
            }
            if (i < shape.timers()) {
                b = b.intermediateCatchEvent("Timer_" + i).timerWithDuration("PT5M");
            }
            if (i < shape.messages()) {
                b = b.intermediateCatchEvent("Message_" + i).message("BareMessage" + i);
            }
        }
        BpmnModelInstance model = b.endEvent().done();
        BpmnModelInstance queue = Bpmn.createExecutableProcess(BARE_QUEUE).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_Queue").camundaCandidateGroups("${group}").endEvent().done();
        engine.getRepositoryService().createDeployment().name("bare-engine-benchmark")
                .addModelInstance("bare-season.bpmn", model).addModelInstance("bare-queue.bpmn", queue)
                .addString("bare-eligibility.dmn", bareTable()).deploy();
        // its reviewers read its definition, as the organisations read title-application's (OrganisationAccess)
        var auth = engine.getAuthorizationService();
        for (String g : BARE_GROUPS) {
            Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(g);
            a.setResource(Resources.PROCESS_DEFINITION);
            a.setResourceId(BARE);
            a.addPermission(Permissions.READ);
            auth.saveAuthorization(a);
        }
        // the bare instances are started by an administrator: the product lets nobody else start instances over
        // /engine-rest (a submission starts its instance as the system, after the product's checks)
    }

    /** A 20-rule FEEL table of the eligibility kind: years of service and education against the level. */
    private static String bareTable() {
        StringBuilder rules = new StringBuilder();
        String[] levels = {"ASSISTANT", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR"};
        String[] educations = {"DOCTORATE", "MASTER", "BACHELOR", "COLLEGE", "SECONDARY"};
        int n = 0;
        for (String level : levels) {
            for (String education : educations) {
                int years = 1 + (n % 5) * 2;
                rules.append("<rule id=\"r").append(n).append("\"><inputEntry id=\"l").append(n).append("\"><text>\"")
                        .append(level).append("\"</text></inputEntry><inputEntry id=\"e").append(n)
                        .append("\"><text>\"").append(education).append("\"</text></inputEntry><inputEntry id=\"y")
                        .append(n).append("\"><text>&gt;= ").append(years).append("</text></inputEntry><outputEntry id=\"o")
                        .append(n).append("\"><text>\"ELIGIBLE\"</text></outputEntry></rule>");
                n++;
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"bare\" name=\"bare\" "
                + "namespace=\"http://camunda.org/schema/1.0/dmn\"><decision id=\"" + BARE_DECISION
                + "\" name=\"基准规则\" camunda:historyTimeToLive=\"1\"><decisionTable id=\"t\" hitPolicy=\"FIRST\">"
                + "<input id=\"il\"><inputExpression id=\"xl\" typeRef=\"string\"><text>targetLevel</text></inputExpression></input>"
                + "<input id=\"ie\"><inputExpression id=\"xe\" typeRef=\"string\"><text>education</text></inputExpression></input>"
                + "<input id=\"iy\"><inputExpression id=\"xy\" typeRef=\"integer\"><text>years</text></inputExpression></input>"
                + "<output id=\"out\" name=\"verdict\" typeRef=\"string\"/>" + rules + "</decisionTable></decision></definitions>";
    }

    private void runBare(Shape shape, int n) throws Exception {
        String starter = TestUsers.ADMIN;
        parallel(n, i -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("targetLevel", Map.of("value", "INTERMEDIATE"));
            variables.put("education", Map.of("value", "BACHELOR"));
            variables.put("years", Map.of("value", 10));
            for (int g = 0; g < BARE_GROUPS.length; g++) {
                variables.put("group" + g, Map.of("value", BARE_GROUPS[g]));
            }
            long t = System.nanoTime();
            String pi = (String) http.ok("POST", "/engine-rest/process-definition/key/" + BARE + "/start",
                    starter, Map.of("variables", variables, "businessKey", "bare-" + run + "-" + i)).map()
                    .get("id");
            record("bare: start an instance", t);
            for (int step = 0; step < 200; step++) {
                Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
                if (task != null) {
                    Map<String, Object> none = Map.of();
                    String group = BARE_GROUPS[Integer.parseInt(task.getTaskDefinitionKey().substring(5))
                            % BARE_GROUPS.length];
                    long s = System.nanoTime();
                    http.ok("POST", "/engine-rest/task/" + task.getId() + "/complete", reviewer(group),
                            Map.of("variables", none));
                    record("bare: complete a task", s);
                    continue;
                }
                var job = management.createJobQuery().processInstanceId(pi).timers().singleResult();
                if (job != null) {
                    long s = System.nanoTime();
                    management.executeJob(job.getId());
                    record("bare: timer job", s);
                    continue;
                }
                var waiting = runtime.createEventSubscriptionQuery().processInstanceId(pi).eventType("message")
                        .singleResult();
                if (waiting != null) {
                    runtime.createMessageCorrelation(waiting.getEventName()).processInstanceId(pi).correlate();
                    continue;
                }
                return;
            }
            throw new IllegalStateException("the bare instance did not end: " + pi);
        });
    }

    // ---- the queues -------------------------------------------------------------------------------------------

    /**
     * Seeds the open tasks cheaply: instances started at the county HR review with the variables of a real
     * application there (the task's listeners run as for a real one), spread over the county HR bureaus; and as many
     * bare tasks spread over groups of the same number, whose members are the bare queue's reviewers.
     *
     * @return the county HR group whose reviewer the queue client signs in as
     */
    private String seedQueues(int n) throws Exception {
        List<String> counties = organisations.bodies().stream()
                .filter(b -> b.kind() == cn.chifeng.title.organisation.OrganisationDirectory.BodyKind.COUNTY_HR).map(b -> b.id()).toList();
        String one = users.applicant("season-queue-" + run);
        Map<String, Object> body = BenchHttp.JSON.convertValue(dossier().idNumber(Dossiers.randomIdNumber()).build(),
                Map.class);
        String id = (String) http.ok("POST", "/api/applications", one, body).map().get("applicationId");
        String pi = register.find(id).orElseThrow().processInstanceId();
        for (int i = 0; i < 2; i++) {
            Task t = tasks.createTaskQuery().processInstanceId(pi).singleResult();
            complete("(seed)", t.getId(), reviewer(group(t.getId())), Map.of(TitleApplicationProcess.Vars.DECISION,
                    "APPROVE", TitleApplicationProcess.Vars.ATTESTED, true));
            notices.passIfWaiting(pi);
        }
        Task at = tasks.createTaskQuery().processInstanceId(pi).singleResult();
        org.assertj.core.api.Assertions.assertThat(at.getTaskDefinitionKey()).isEqualTo("Task_CountyHrReview");
        Map<String, Object> variables = runtime.getVariables(pi);
        var identity = engine.getIdentityService();
        for (String c : counties) {
            if (identity.createGroupQuery().groupId("bare-" + c).count() == 0) {
                var g = identity.newGroup("bare-" + c);
                g.setName("基准队列 " + c);
                identity.saveGroup(g);
            }
            users.user("bare-" + c, "bare-" + c);
        }
        // the bare queue's reviewer signs in to Tasklist like the county's: that application, nothing else
        var auth = engine.getAuthorizationService();
        Authorization tasklist = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        tasklist.setUserId("bare-" + counties.get(0));
        tasklist.setResource(Resources.APPLICATION);
        tasklist.setResourceId("tasklist");
        tasklist.addPermission(Permissions.ACCESS);
        auth.saveAuthorization(tasklist);
        parallel(CLIENTS, client -> {
            for (int i = client; i < n; i += CLIENTS) {
                String county = counties.get(i % counties.size());
                Map<String, Object> v = new HashMap<>(variables);
                v.put("stageGroup", county);
                runtime.createProcessInstanceByKey(TitleApplicationProcess.KEY).businessKey(id)
                        .setVariables(v).startBeforeActivity("Task_CountyHrReview").execute();
                runtime.startProcessInstanceByKey(BARE_QUEUE, Map.of("group", "bare-" + county));
            }
        });
        latencies.remove("(seed)");
        return counties.get(0);
    }

    /** Tasklist's 本单位待办 and the bare candidate-group query, measured from a separate JVM. */
    private String queueClient(String county) throws Exception {
        String filter = engine.getFilterService().createTaskFilterQuery()
                .filterName(cn.chifeng.title.security.OrganisationAccess.FILTER_ORGANISATION).singleResult().getId();
        Path out = Path.of("target", "queue-client.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), QueueClient.class.getName(), "http://localhost:" + port,
                reviewer(county), TestUsers.PASSWORD, filter, "bare-" + county, "bare-" + county, "300")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the queue client failed:\n" + Files.readString(out));
        }
        return Files.readString(out);
    }

    // ---- PostgreSQL: rows written and scans per table ---------------------------------------------------------

    private Map<String, long[]> tableStats() {
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, long[]> m = new HashMap<>();
        jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del, coalesce(seq_scan, 0), coalesce(idx_scan, 0) "
                + "from pg_stat_user_tables", rs -> {
            m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return m;
    }

    private static String tableDelta(Map<String, long[]> before, Map<String, long[]> season, Map<String, long[]> bare,
                                     int n) {
        record Row(String table, double seasonWrites, double bareWrites, double seasonScans, double seasonSeq) {
        }
        List<Row> rows = new ArrayList<>();
        for (String t : season.keySet()) {
            long[] b = before.getOrDefault(t, new long[3]);
            long[] s = season.get(t);
            long[] e = bare.getOrDefault(t, s);
            rows.add(new Row(t, (s[0] - b[0]) / (double) n, (e[0] - s[0]) / (double) n,
                    (s[1] - b[1] + s[2] - b[2]) / (double) n, (s[1] - b[1]) / (double) n));
        }
        rows.sort(java.util.Comparator.comparingDouble(Row::seasonWrites).reversed());
        StringBuilder out = new StringBuilder(String.format("  %-28s %10s %10s %12s %10s%n", "table", "season",
                "bare", "scans/app", "seq/app"));
        double totalSeason = 0;
        double totalBare = 0;
        for (Row r : rows) {
            totalSeason += r.seasonWrites();
            totalBare += r.bareWrites();
        }
        rows.stream().limit(20).forEach(r -> out.append(String.format("  %-28s %10.1f %10.1f %12.1f %10.2f%n",
                r.table(), r.seasonWrites(), r.bareWrites(), r.seasonScans(), r.seasonSeq())));
        out.append(String.format("  %-28s %10.1f %10.1f%n", "all tables", totalSeason, totalBare));
        return out.toString();
    }
}
