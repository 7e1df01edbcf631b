package cn.chifeng.title.retention;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.security.Roles;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * The product's own records past their retention (defaults: register and trail 10 years, materials, objections and
 * notices 5, notifications 2, admin change log 10), on the test clock of 2025-06-10: what is older goes, what is
 * younger stays, so do running applications and a passed application's certificate; every run is recorded; a
 * scheduled run happens once a day however many nodes start it; only administrators see and start runs. The
 * records here are dated years before any other test's, so that a run removes nothing another test relies on.
 */
@Tag("postgres")
class RetentionCleanupIT extends IntegrationTestBase {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RetentionCleanup cleanup;
    @Autowired
    ApplicationService applications;
    @Autowired
    TestRestTemplate http;

    private static OffsetDateTime at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(Zones.CHINA).toOffsetDateTime();
    }

    private static String id(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    /** An application that ended (its process id names no running instance) on {@code ended}. */
    private String ended(String status, OffsetDateTime ended) {
        String id = id("RT");
        jdbc.update("insert into application (id, season, applicant_user_id, applicant_name, id_number, series, "
                        + "target_level, employer_code, employer_name, county, channel, status, process_instance_id, "
                        + "dossier, submitted_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, ended.getYear(), "retention-applicant", "张三", Dossiers.randomIdNumber(), "HEALTH", "INTERMEDIATE",
                Dossiers.NC_HOSPITAL, "宁城县中心医院", "ningcheng", "NORMAL", status, "ended-" + id, "{}",
                ended.minusMonths(4), ended);
        return id;
    }

    private void trail(String application, OffsetDateTime when) {
        jdbc.update("insert into review_step (application_id, stage, group_id, reviewer, decided_at, decision, "
                + "comment_text, attested) values (?,?,?,?,?,?,?,?)", application, "UNIT", "unit-nc-hospital",
                "reviewer", when, "APPROVE", "同意", true);
    }

    private void material(String application, OffsetDateTime when) {
        jdbc.update("insert into material (application_id, item_code, file_name, content_type, size_bytes, sha256, "
                + "content, uploaded_by, uploaded_at) values (?,?,?,?,?,?,?,?,?)", application, "ID_CARD", "身份证.pdf",
                "application/pdf", 4, "0".repeat(64), new byte[] {1, 2, 3, 4}, "retention-applicant", when);
    }

    private void notification(String application, OffsetDateTime when) {
        jdbc.update("insert into notification (message_id, application_id, recipient_user, event, subject, body, "
                        + "created_at) values (?,?,?,?,?,?,?)", "<" + id("m") + "@retention>", application,
                "retention-applicant", "STATUS", "申报状态", "您的申报……", when);
    }

    private String publication(LocalDate end) {
        String id = id("GS");
        jdbc.update("insert into publication (id, kind, publisher_group, title, start_date, working_days, end_date, "
                + "official_calendar, ended, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?)", id, "RESULT",
                "cmte-health-city", "评审结果公示", end.minusDays(7), 5, end, true, true, "office",
                end.minusDays(7).atStartOfDay(Zones.CHINA).toOffsetDateTime());
        return id;
    }

    private void objection(String publication, String application, OffsetDateTime when) {
        jdbc.update("insert into publication_item (publication_id, application_id) values (?,?)", publication,
                application);
        jdbc.update("insert into objection (publication_id, application_id, about, text_content, filed_by, filed_at, "
                + "investigator_group) values (?,?,?,?,?,?,?)", publication, application, "MATERIALS", "材料不实",
                "someone", when, "unit-nc-hospital");
    }

    private long adminChange(OffsetDateTime when) {
        jdbc.update("insert into admin_change (changed_at, actor, subject, subject_id, summary) values (?,?,?,?,?)",
                when, "admin", "SEASON", "2012", "修改评审年度日期");
        return jdbc.queryForObject("select max(id) from admin_change", Long.class);
    }

    /** A number of the certificate's format: ZS, the season, 20 characters of Crockford's base 32. */
    private static String certificateNumber() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        java.util.Random random = new java.util.Random();
        StringBuilder n = new StringBuilder("ZS2012-");
        for (int i = 0; i < 20; i++) {
            n.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return n.toString();
    }

    private int count(String table, String column, Object value) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, value);
    }

    @Test
    void recordsPastTheirRetentionGoYoungerOnesRunningApplicationsAndResultsStay() {
        // ended 2012: past every retention (cutoffs on 2025-06-10: 2015 register and trail, 2020 materials,
        // objections and notices, 2023 notifications); a real application, submitted and withdrawn
        String applicant = users.applicant("retention-" + System.nanoTime());
        ApplicationRecord withdrawn = users.api(applicant, () -> applications.submit(dossier()
                .idNumber(Dossiers.randomIdNumber()).build()));
        users.api(applicant, () -> applications.withdraw(withdrawn.id()));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(withdrawn.processInstanceId()).count()).as("its process has ended").isZero();
        String old = withdrawn.id();
        jdbc.update("update application set updated_at = ? where id = ?", at(2012, 10, 1), old);
        trail(old, at(2012, 7, 1));
        material(old, at(2012, 6, 20));
        notification(old, at(2012, 7, 1));
        jdbc.update("insert into correction_notice (application_id, items, issued_by, issued_at, deadline, "
                + "working_days) values (?,?,?,?,?,?)", old, "学历证书", "unit", at(2012, 6, 25), LocalDate.of(2012, 7, 2), 5);
        String youngNotice = publication(LocalDate.of(2024, 9, 20));
        objection(youngNotice, old, at(2012, 9, 15));

        // ended 2018: materials, notifications and objections go, the register row and the trail stay
        String mid = ended("NOT_PASSED", at(2018, 10, 1));
        trail(mid, at(2018, 7, 1));
        material(mid, at(2018, 6, 20));
        notification(mid, at(2018, 7, 1));
        objection(youngNotice, mid, at(2018, 9, 15));

        // ended 2024: everything stays
        String young = ended("NOT_PASSED", at(2024, 10, 1));
        trail(young, at(2024, 7, 1));
        material(young, at(2024, 6, 20));
        notification(young, at(2024, 7, 1));

        // running (its process is in the engine), even if its row says 2012
        ApplicationRecord submitted = users.api(applicant, () -> applications.submit(dossier()
                .idNumber(Dossiers.randomIdNumber()).build()));
        String running = submitted.id();
        jdbc.update("update application set updated_at = ? where id = ?", at(2012, 10, 1), running);
        trail(running, at(2012, 7, 1));
        material(running, at(2012, 6, 20));
        notification(running, at(2012, 7, 1));

        // passed in 2012 with its certificate: the result stays, its trail and files follow their retention
        String passed = ended("CERTIFIED", at(2012, 10, 1));
        String number = certificateNumber();
        jdbc.update("insert into certificate (number, application_id, holder_name, series, target_level, title_name, "
                + "season, passed_on, issued_at) values (?,?,?,?,?,?,?,?,?)", number, passed, "张三", "HEALTH",
                "INTERMEDIATE", "主治医师", 2012, LocalDate.of(2012, 9, 30), at(2012, 10, 1));
        trail(passed, at(2012, 7, 1));
        material(passed, at(2012, 6, 20));

        // a notice that ended in 2019 with an objection about the young application: the notice goes
        String oldNotice = publication(LocalDate.of(2019, 1, 10));
        objection(oldNotice, young, at(2019, 1, 8));

        // account mails (no application) and the admin change log by their own dates
        jdbc.update("insert into notification (message_id, recipient_email, event, subject, body, created_at) "
                + "values (?,?,?,?,?,?)", "<old-mail-" + id("m") + ">", "a@example.invalid", "PASSWORD_RESET", "重置密码",
                "……", at(2022, 1, 5));
        String youngMail = "<young-mail-" + id("m") + ">";
        jdbc.update("insert into notification (message_id, recipient_email, event, subject, body, created_at) "
                + "values (?,?,?,?,?,?)", youngMail, "a@example.invalid", "PASSWORD_RESET", "重置密码", "……",
                at(2024, 1, 5));
        long oldChange = adminChange(at(2012, 3, 1));
        long youngChange = adminChange(at(2020, 3, 1));

        var started = new Api(http, TestUsers.ADMIN).post("/api/retention/runs", Map.of());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody()).containsEntry("complete", true);
        long runId = ((Number) started.getBody().get("runId")).longValue();
        @SuppressWarnings("unchecked")
        Map<String, Number> removed = (Map<String, Number>) started.getBody().get("removed");

        for (String table : List.of("review_step", "material", "notification", "correction_notice", "objection",
                "publication_item")) {
            assertThat(count(table, "application_id", old)).as(table + " of the 2012 application").isZero();
        }
        assertThat(count("application", "id", old)).isZero();

        assertThat(count("application", "id", mid)).isEqualTo(1);
        assertThat(count("review_step", "application_id", mid)).isEqualTo(1);
        assertThat(count("material", "application_id", mid)).isZero();
        assertThat(count("notification", "application_id", mid)).isZero();
        assertThat(count("objection", "application_id", mid)).isZero();

        assertThat(count("application", "id", young)).isEqualTo(1);
        assertThat(count("review_step", "application_id", young)).isEqualTo(1);
        assertThat(count("material", "application_id", young)).isEqualTo(1);
        assertThat(count("notification", "application_id", young)).isEqualTo(1);

        assertThat(count("application", "id", running)).as("running").isEqualTo(1);
        assertThat(count("review_step", "application_id", running)).isGreaterThanOrEqualTo(1);
        assertThat(count("material", "application_id", running)).isEqualTo(1);
        assertThat(count("notification", "application_id", running)).isGreaterThanOrEqualTo(1);

        assertThat(count("application", "id", passed)).as("a passed application's register row").isEqualTo(1);
        assertThat(count("certificate", "number", number)).as("its certificate").isEqualTo(1);
        assertThat(count("review_step", "application_id", passed)).isZero();
        assertThat(count("material", "application_id", passed)).isZero();
        assertThat(new Api(http, null).get("/api/certificates/" + number).getStatusCode())
                .as("still verifiable").isEqualTo(HttpStatus.OK);

        assertThat(count("publication", "id", oldNotice)).isZero();
        assertThat(count("objection", "publication_id", oldNotice)).isZero();
        assertThat(count("publication", "id", youngNotice)).isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_email = 'a@example.invalid' "
                + "and application_id is null", Integer.class)).isEqualTo(1);
        assertThat(count("notification", "message_id", youngMail)).isEqualTo(1);
        assertThat(count("admin_change", "id", oldChange)).isZero();
        assertThat(count("admin_change", "id", youngChange)).isEqualTo(1);

        assertThat(removed.get("APPLICATIONS").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(removed.get("REVIEW_TRAIL").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(removed.get("MATERIALS").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(removed.get("PUBLICATIONS").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(started.getBody().get("summary").toString()).contains("申报记录").contains("公示");

        // recorded: the run's row and the admin change log, by whom and what
        assertThat(jdbc.queryForObject("select started_by from retention_run where id = ? and complete = true "
                + "and finished_at is not null", String.class, runId)).isEqualTo(TestUsers.ADMIN);
        Map<String, Object> change = jdbc.queryForMap("select actor, summary, detail from admin_change where "
                + "subject = 'RETENTION' and subject_id = ?", String.valueOf(runId));
        assertThat(change.values()).contains(TestUsers.ADMIN);
        assertThat(change.values().toString()).contains("申报记录").contains("审核记录").contains("\"MATERIALS\":");
    }

    @Test
    void aScheduledRunHappensOncePerDayHoweverManyNodesStartIt() throws Exception {
        clock.set(LocalDateTime.of(2025, 6, 12, 4, 30));
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<RetentionCleanup.Result>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Optional<RetentionCleanup.Result>> node = () -> {
                    go.await();
                    return cleanup.runScheduled();
                };
                runs.add(nodes.submit(node));
            }
            go.countDown();
            int ran = 0;
            for (Future<Optional<RetentionCleanup.Result>> f : runs) {
                ran += f.get().isPresent() ? 1 : 0;
            }
            assertThat(ran).as("one node runs the day").isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(cleanup.runScheduled()).as("later the same day").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from retention_run where scheduled_day = ?", Integer.class,
                LocalDate.of(2025, 6, 12))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select started_by from retention_run where scheduled_day = ?", String.class,
                LocalDate.of(2025, 6, 12))).isEqualTo("system");

        clock.set(LocalDateTime.of(2025, 6, 13, 4, 30));
        assertThat(cleanup.runScheduled()).as("the next day").isPresent();
    }

    @Test
    void onlyAdministratorsSeeAndStartRunsAndABadParameterIsNamed() {
        String applicant = users.applicant("retention-api-" + System.nanoTime());
        String supervisor = users.user("retention-supervisor", Roles.SUPERVISORS);
        for (String wrong : List.of(applicant, users.reviewer("city-hr"), users.reviewer("unit-nc-hospital"), supervisor)) {
            assertThat(new Api(http, wrong).get("/api/retention").getStatusCode()).as(wrong)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(new Api(http, wrong).post("/api/retention/runs", Map.of()).getStatusCode()).as(wrong)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(new Api(http, null).get("/api/retention").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new Api(http, null).post("/api/retention/runs", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        int runsBefore = jdbc.queryForObject("select count(*) from retention_run", Integer.class);
        assertThat(runsBefore).as("no refused call started a run")
                .isEqualTo(jdbc.queryForObject("select count(*) from retention_run", Integer.class));

        Api admin = new Api(http, TestUsers.ADMIN);
        var started = admin.post("/api/retention/runs", Map.of());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody()).containsKeys("runId", "summary", "removed").containsEntry("complete", true);
        var overview = admin.get("/api/retention?runs=5");
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getBody()).containsEntry("schedule", "off");
        assertThat(overview.getBody().get("periods").toString()).contains("title.retention.materials").contains("P5Y");
        assertThat(overview.getBody().get("runs").toString()).contains(String.valueOf(started.getBody().get("runId")));
        for (String bad : List.of("abc", "0", "101")) {
            var r = admin.get("/api/retention?runs=" + bad);
            assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().toString()).contains("runs");
        }
    }
}
