package cn.chifeng.title.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Base of the Spring Boot integration tests: one shared application context on H2, or — when the JVM runs with
 * {@code -Dtest.database=postgres} (the second failsafe run, for classes tagged {@code postgres}) — on a real
 * PostgreSQL from zonky's embedded binaries, kept open for the life of the JVM. The clock is set to 2025-06-10
 * 10:00 in Asia/Shanghai before each test, inside the 2025 application window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({IntegrationTestBase.ClockConfig.class, ProcessEngineCoverageConfiguration.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class IntegrationTestBase {
    public static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2025, 6, 10, 10, 0);
    private static EmbeddedPostgres postgres;
    /** A real SMTP server for the whole test JVM; every notification of the tests goes through it. */
    public static final GreenMail SMTP = startSmtp();

    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected TestNotices notices;

    private static GreenMail startSmtp() {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        if ("postgres".equals(System.getProperty("test.database"))) {
            EmbeddedPostgres pg = postgres();
            registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
            registry.add("camunda.bpm.database.type", () -> "postgres");
            // at JVM exit the embedded server may stop before the context closes: fail fast rather than wait 30 s
            registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        }
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("无法启动嵌入式 PostgreSQL", e);
            }
        }
        return postgres;
    }

    @BeforeEach
    void resetClockAndAssertions() {
        clock.set(DEFAULT_NOW);
        BpmnAwareTests.init(engine);
        engine.getIdentityService().clearAuthentication();
    }

    @TestConfiguration
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(DEFAULT_NOW.atZone(cn.chifeng.title.common.Zones.CHINA).toInstant());
        }

        /** A bean an expression could call: its count shows whether the engine evaluated a client's expression. */
        @Bean("evaluationProbe")
        EvaluationProbe evaluationProbe() {
            return new EvaluationProbe();
        }

        @Bean
        TestUsers testUsers(ProcessEngine engine, cn.chifeng.title.security.ApplicantAccounts applicants) {
            return new TestUsers(engine.getIdentityService(), applicants);
        }

        @Bean
        TestNotices testNotices(ProcessEngine engine, cn.chifeng.title.publicity.PublicityService publicity,
                                TestUsers users) {
            return new TestNotices(engine, publicity, users);
        }
    }

    /**
     * The application's one open task decided by a reviewer of the body it is offered to (the attestation with an
     * approval), then its stage notice passed if it waits for one.
     */
    protected void decide(String applicationId, String decision, String comment) {
        org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
        org.camunda.bpm.engine.task.Task t = tasks.createTaskQuery().processInstanceBusinessKey(applicationId)
                .singleResult();
        String group = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                .findFirst().orElseThrow().getGroupId();
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("decision", decision);
        vars.put("comment", comment);
        vars.put(cn.chifeng.title.process.TitleApplicationProcess.Vars.ATTESTED, "APPROVE".equals(decision));
        users.as(users.reviewer(group), () -> tasks.complete(t.getId(), vars));
        notices.passIfWaiting(t.getProcessInstanceId());
    }
}
