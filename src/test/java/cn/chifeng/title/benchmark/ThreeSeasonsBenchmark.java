package cn.chifeng.title.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ReviewTrail;
import cn.chifeng.title.audit.AdminChanges;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.correction.CorrectionNotices;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * Benchmark, not a test: the register, trail, audit and report queries with three seasons of data. Seeds 2023, 2024
 * and 2025 with {@code benchmark.per-season} applications each (default 20,000; older seasons ended, the current one
 * in review), four trail rows and five notifications per submitted application, a correction notice for one in
 * twenty, and 10,000 admin change log entries a season, by JDBC batches in the product's tables; then times each
 * query warm ({@value #WARM_UP} calls, then {@value #MEASURED} measured with varying parameters) and prints p50, p95
 * and p99. Run with {@code mvn -B -o verify -Pbenchmark -Dit.test=ThreeSeasonsBenchmark} (H2) and with
 * {@code -Dtest.database=postgres} for PostgreSQL (the {@code postgres} execution). The seeded rows are removed at
 * the end.
 */
@Tag("benchmark")
@Tag("postgres")
class ThreeSeasonsBenchmark extends IntegrationTestBase {
    private static final int WARM_UP = 30;
    private static final int MEASURED = 300;
    private static final int[] SEASONS = {2023, 2024, 2025};
    private static final int EMPLOYERS = 1500;
    private static final int APPLICANTS = 45_000;
    private static final String[] COUNTIES = {"hongshan", "yuanbaoshan", "songshan", "aluke", "balinzuo", "balinyou",
        "linxi", "keshiketeng", "wengniute", "harqin", "ningcheng", "aohan"};
    private static final String[] SERIES = {"HEALTH", "HEALTH", "HEALTH", "PRIMARY_SECONDARY_TEACHER",
        "PRIMARY_SECONDARY_TEACHER", "ENGINEERING", "AGRICULTURE", "ACCOUNTING", "ECONOMICS", "CONSTRUCTION_ENGINEERING"};
    private static final String[] DEPARTMENT = {"health", "health", "health", "edu", "edu", "industry", "agriculture",
        "finance", "finance", "housing"};
    private static final String[] LEVELS = {"INTERMEDIATE", "INTERMEDIATE", "INTERMEDIATE", "INTERMEDIATE", "INTERMEDIATE",
        "ASSOCIATE_SENIOR", "ASSOCIATE_SENIOR", "ASSOCIATE_SENIOR", "SENIOR", "ASSISTANT"};
    private static final String[] ENDED = {"CERTIFIED", "CERTIFIED", "CERTIFIED", "CERTIFIED", "PASSED", "NOT_PASSED",
        "NOT_PASSED", "NOT_PASSED", "WITHDRAWN", "INELIGIBLE", "REJECTED", "EXPIRED", "ABANDONED", "CERTIFIED",
        "NOT_PASSED", "CERTIFIED", "NOT_PASSED", "CERTIFIED", "WITHDRAWN", "CERTIFIED"};
    private static final String[] CURRENT = {"IN_REVIEW", "IN_REVIEW", "IN_REVIEW", "IN_REVIEW", "IN_REVIEW",
        "IN_REVIEW", "IN_REVIEW", "IN_REVIEW", "IN_EVALUATION", "IN_EVALUATION", "IN_EVALUATION", "IN_EVALUATION",
        "RETURNED", "RETURNED", "CORRECTION_REQUESTED", "DRAFT", "WITHDRAWN", "INELIGIBLE", "IN_PUBLICITY", "IN_REVIEW"};
    private static final String[] STAGES = {"UNIT", "COMPETENT_DEPT", "COUNTY_HR", "CITY_HR", "COMMITTEE_OFFICE"};
    private static final String[] SUBJECTS = {"SEASON", "QUOTA", "POST_QUOTA", "CREDIT_ARCHIVE", "CREDIT_ARCHIVE"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationRepository register;
    @Autowired
    ApplicationService applicationService;
    @Autowired
    ReviewTrail trail;
    @Autowired
    NotificationOutbox notifications;
    @Autowired
    AdminChanges adminChanges;
    @Autowired
    CorrectionNotices corrections;
    @Autowired
    TestRestTemplate http;

    private final Random random = new Random(20251);
    private final List<String> figures = new ArrayList<>();

    private static String employer(int n) {
        return String.format("91150400B%09d", n);
    }

    private static String applicantId(int n) {
        return "bench-u" + n;
    }

    private static String applicationId(int season, int i) {
        return String.format("BN%d-%06d", season, i);
    }

    private static OffsetDateTime at(int season, int dayOfSeason, int minute) {
        return LocalDateTime.of(season, 6, 6, 8, 0).plusDays(dayOfSeason).plusMinutes(minute).atZone(Zones.CHINA)
                .toOffsetDateTime();
    }

    private void batch(String sql, int rows, Row row) {
        for (int from = 0; from < rows; from += 1000) {
            int start = from;
            int n = Math.min(1000, rows - from);
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    row.set(ps, start + i);
                }

                @Override
                public int getBatchSize() {
                    return n;
                }
            });
        }
    }

    @FunctionalInterface
    private interface Row {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    private void seed(int perSeason) throws Exception {
        String dossier = json.writeValueAsString(Dossiers.dossier().idNumber(Dossiers.randomIdNumber()).build());
        for (int season : SEASONS) {
            boolean current = season == 2025;
            String[] statuses = current ? CURRENT : ENDED;
            batch("insert into application (id, season, applicant_user_id, applicant_name, id_number, series, "
                    + "target_level, employer_code, employer_name, county, channel, status, current_stage, route, "
                    + "visible_to, process_instance_id, dossier, submitted_at, updated_at, person_level_key) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", perSeason, (ps, i) -> {
                        int applicant = Math.floorMod(i * 7919 + season * 131, APPLICANTS);
                        int employer = Math.floorMod(i * 31 + season, EMPLOYERS);
                        String county = COUNTIES[employer % COUNTIES.length];
                        int s = i % SERIES.length;
                        String status = statuses[(i / 3) % statuses.length];
                        String dept = county + "-" + DEPARTMENT[s];
                        ps.setString(1, applicationId(season, i));
                        ps.setInt(2, season);
                        ps.setString(3, applicantId(applicant));
                        ps.setString(4, "申报人" + applicant);
                        ps.setString(5, String.format("150429%012d", applicant).substring(0, 17) + "X");
                        ps.setString(6, SERIES[s]);
                        ps.setString(7, LEVELS[(i / 7) % LEVELS.length]);
                        ps.setString(8, employer(employer));
                        ps.setString(9, "基准单位" + employer);
                        ps.setString(10, county);
                        ps.setString(11, "NORMAL");
                        ps.setString(12, status);
                        ps.setString(13, current && !"DRAFT".equals(status) ? STAGES[i % STAGES.length] : null);
                        ps.setString(14, ",UNIT,COMPETENT_DEPT,COUNTY_HR,CITY_HR,COMMITTEE_OFFICE,");
                        ps.setString(15, ",unit-bench-" + employer + "," + dept + "," + county + "-hr,city-hr,cmte-"
                                + SERIES[s].toLowerCase().replace('_', '-') + "-city,");
                        ps.setString(16, "DRAFT".equals(status) ? null : "bench-pi-" + season + "-" + i);
                        ps.setString(17, dossier);
                        ps.setObject(18, at(season, i % 20, i % 600));
                        ps.setObject(19, at(season, 20 + i % 100, i % 600));
                        ps.setString(20, null);
                    });
            batch("insert into review_step (application_id, stage, group_id, reviewer, decided_at, decision, "
                    + "comment_text, attested) values (?,?,?,?,?,?,?,?)", perSeason * 4, (ps, k) -> {
                        int i = k / 4;
                        ps.setString(1, applicationId(season, i));
                        ps.setString(2, STAGES[k % 4]);
                        ps.setString(3, "bench-group-" + k % 4);
                        ps.setString(4, "bench-reviewer-" + i % 300);
                        ps.setObject(5, at(season, 2 + i % 20 + k % 4 * 3, i % 600));
                        ps.setString(6, "APPROVE");
                        ps.setString(7, "经审核，材料齐全，内容属实，同意上报。");
                        ps.setBoolean(8, true);
                    });
            batch("insert into notification (message_id, application_id, recipient_user, recipient_email, event, "
                    + "subject, body, created_at, sent_at, channel, attempts) values (?,?,?,?,?,?,?,?,?,?,?)",
                    perSeason * 5, (ps, k) -> {
                        int i = k / 5;
                        int applicant = Math.floorMod(i * 7919 + season * 131, APPLICANTS);
                        OffsetDateTime when = at(season, i % 20 + k % 5 * 5, i % 600);
                        ps.setString(1, "<bench-" + season + "-" + k + "@title-evaluation>");
                        ps.setString(2, applicationId(season, i));
                        ps.setString(3, applicantId(applicant));
                        ps.setString(4, "bench" + applicant + "@example.invalid");
                        ps.setString(5, "STATUS_CHANGED");
                        ps.setString(6, "您的职称申报状态已更新");
                        ps.setString(7, "尊敬的申报人：您的申报（" + applicationId(season, i) + "）当前状态已更新，请登录系统查看详情。"
                                + "如有疑问，请联系所在单位经办人。");
                        ps.setObject(8, when);
                        ps.setObject(9, when.plusMinutes(1));
                        ps.setString(10, "EMAIL");
                        ps.setInt(11, 1);
                    });
            batch("insert into correction_notice (application_id, items, issued_by, issued_at, deadline, working_days) "
                    + "values (?,?,?,?,?,?)", perSeason / 20, (ps, k) -> {
                        int i = k * 20 + 1;
                        ps.setString(1, applicationId(season, i));
                        ps.setString(2, "学历证书复印件不清晰");
                        ps.setString(3, "bench-reviewer");
                        ps.setObject(4, at(season, 5, k));
                        ps.setObject(5, at(season, 12, 0).toLocalDate());
                        ps.setInt(6, 5);
                    });
            batch("insert into admin_change (changed_at, actor, subject, subject_id, summary, detail) "
                    + "values (?,?,?,?,?,?)", 10_000, (ps, k) -> {
                        ps.setObject(1, LocalDateTime.of(season, 1, 1, 9, 0).plusMinutes(k * 50L).atZone(Zones.CHINA)
                                .toOffsetDateTime());
                        ps.setString(2, "bench-admin");
                        ps.setString(3, SUBJECTS[k % SUBJECTS.length]);
                        ps.setString(4, season + "/" + k);
                        ps.setString(5, "导入 1 条违规记录");
                        ps.setString(6, "{\"idNumber\":\"150429********123X\",\"kind\":\"FALSE_MATERIAL\"}");
                    });
        }
    }

    private void unseed() {
        jdbc.update("delete from notification where message_id like '<bench-%'");
        jdbc.update("delete from review_step where application_id like 'BN%'");
        jdbc.update("delete from correction_notice where application_id like 'BN%'");
        jdbc.update("delete from application where id like 'BN%'");
        jdbc.update("delete from admin_change where actor = 'bench-admin'");
    }

    private void time(String label, IntConsumer call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.accept(i);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            call.accept(WARM_UP + i);
            nanos[i] = System.nanoTime() - t;
        }
        figures.add(String.format("%-58s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms", label, Figures.p50(nanos),
                Figures.p95(nanos), Figures.p99(nanos)));
    }

    @Test
    void registerTrailAuditAndReportQueriesWithThreeSeasons() throws Exception {
        int perSeason = Integer.getInteger("benchmark.per-season", 20_000);
        long t = System.nanoTime();
        unseed();
        seed(perSeason);
        double seedSeconds = (System.nanoTime() - t) / 1e9;
        List<String> v23 = v23Indexes();
        assertThat(v23).isNotEmpty();
        try {
            // without the indexes of V23, then with them, on the same data
            for (String index : v23) {
                jdbc.execute("drop index " + index.replaceAll("(?s)^create index (\\w+) .*$", "$1"));
            }
            settle();
            figures.add("-- without the indexes of V23 --");
            measure(perSeason);
            v23.forEach(jdbc::execute);
            settle();
            figures.add("-- with the indexes of V23 --");
            measure(perSeason);
        } finally {
            unseed();
        }
        System.out.printf("%n=== three seasons benchmark (%s, %d applications a season, %d cores, seeded in %.0f s) ===%n",
                System.getProperty("test.database", "h2"), perSeason, Runtime.getRuntime().availableProcessors(),
                seedSeconds);
        figures.forEach(System.out::println);
        System.out.println();
    }

    /** The {@code create index} statements of V23, as Flyway ran them. */
    private static List<String> v23Indexes() throws java.io.IOException {
        String sql;
        try (var in = ThreeSeasonsBenchmark.class.getResourceAsStream("/db/migration/V23__retention.sql")) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.replaceAll("--[^\n]*", "").split(";")) {
            String s = statement.trim().replaceAll("\\s+", " ");
            if (s.startsWith("create index ")) {
                statements.add(s);
            }
        }
        return statements;
    }

    /** PostgreSQL as autovacuum leaves it: statistics and the visibility map up to date. */
    private void settle() {
        if ("postgres".equals(System.getProperty("test.database"))) {
            jdbc.execute("vacuum analyze");
        }
    }

    private void measure(int perSeason) {
        // an applicant's own list, as the API builds its filter for an applicant (own applications, all seasons)
        String applicant = users.applicant("bench-applicant-" + System.nanoTime());
        ApplicationRepository.Filter asApplicant = users.api(applicant,
                () -> applicationService.visibleFilter(null, null, null));
        time("applicant: own applications, filter also matching 'applicants'", i -> {
            var f = new ApplicationRepository.Filter(null, null, null, false, applicantId(random.nextInt(APPLICANTS)),
                    List.of("applicants"));
            register.search(f, 0, 20);
        });
        time("applicant: own applications (/api/applications)", i -> {
            var f = new ApplicationRepository.Filter(null, null, null, false, applicantId(random.nextInt(APPLICANTS)),
                    asApplicant.groups());
            register.search(f, 0, 20);
        });
        time("applicant: own messages (in-app list)", i ->
                notifications.ofUser(applicantId(random.nextInt(APPLICANTS)), 50));
        // a county bureau's list of the current season in the API (the route's group)
        time("county bureau: season list, page 1 (/api/applications)", i -> {
            String county = COUNTIES[random.nextInt(COUNTIES.length)];
            var f = new ApplicationRepository.Filter(2025, null, null, false, county + "-hr", List.of(county + "-hr"));
            register.search(f, 0, 20);
            register.count(f);
        });
        time("unit clerk: counts + page 1 of the season (/portal/unit)", i -> {
            List<String> codes = List.of(employer(random.nextInt(EMPLOYERS)));
            register.countOfEmployers(2025, codes);
            register.ofEmployers(2025, codes, null, null, 0, 20);
        });
        time("unit clerk: search by name (/portal/unit?q=)", i ->
                register.ofEmployers(2025, List.of(employer(random.nextInt(EMPLOYERS))), null, "申报人1", 0, 20));
        time("season overview, city (/api/reports/season/2025)", i -> {
            register.countInSeason(2025, null, null);
            corrections.countInSeason(2025, null, null);
        });
        time("season overview, a county", i -> {
            String county = COUNTIES[random.nextInt(COUNTIES.length)];
            register.countInSeason(2025, county, null);
            corrections.countInSeason(2025, county, null);
        });
        time("season overview, a competent department (routed through)", i -> {
            String dept = COUNTIES[random.nextInt(COUNTIES.length)] + "-health";
            register.countInSeason(2024, null, dept);
            corrections.countInSeason(2024, null, dept);
        });
        time("roster rows of a county, a past season (花名册)", i ->
                register.countedInSeason(2024, COUNTIES[random.nextInt(COUNTIES.length)], null));
        time("trail of an application (审核记录)", i -> trail.of(applicationId(SEASONS[random.nextInt(3)],
                random.nextInt(perSeason))));
        time("admin change log, newest 100 (/api/audit/admin-changes)", i -> adminChanges.list(null, 0, 100));
        time("admin change log, page 5 of a subject", i ->
                adminChanges.list(AdminChanges.Subject.values()[random.nextInt(4)], 5, 100));
        // the nightly clean-up with nothing due (defaults: nothing of 2023 is ten years old), through the API
        Api admin = new Api(http, TestUsers.ADMIN);
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            var r = admin.post("/api/retention/runs", Map.of());
            runs[i] = System.nanoTime() - t;
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        figures.add(String.format("%-58s mean %6.1f ms (5 runs)", "retention clean-up run, nothing due",
                Figures.mean(runs)));
        assertThat(register.count(new ApplicationRepository.Filter(2024, null, null, true, null, List.of())))
                .as("the seeded season is all there").isGreaterThanOrEqualTo(perSeason);
    }
}
