package cn.chifeng.title.webapp;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * The Tasklist in a real browser, in Chinese: a county HR reviewer logs in, opens 本单位待办, claims the
 * application's task, chooses 通过, ticks 内容属实 and clicks 完成 — and the application moves on to the city HR
 * bureau with the reviewer in its trail; a reviewer of another county does not see the task at all.
 * <p>
 * The browser is driven by {@code src/test/ui/tasklist-review.mjs} (playwright-core with Debian's chromium).
 * Without {@code src/test/ui/node_modules} or chromium the test is skipped, unless {@code UI_TESTS_REQUIRED=1}
 * (set by {@code .ci/run}, which installs both), when it fails. Screenshots land in {@code target/ui-screenshots}.
 */
class TasklistUiIT extends IntegrationTestBase {
    private static final Path UI_DIR = Path.of("src", "test", "ui").toAbsolutePath();
    private static final Path SCRIPT = UI_DIR.resolve("tasklist-review.mjs");
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots").toAbsolutePath();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final String COUNTY_REVIEWER = "ningcheng-hr";
    private static final String OTHER_COUNTY_REVIEWER = "hongshan-hr";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;
    @Autowired
    ApplicationRepository register;
    @Autowired
    TaskService tasks;

    /** Not @BeforeAll: the class's Spring context starts anyway, and a skipped test shows as skipped. */
    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("Tasklist UI test");
    }

    @Test
    void countyReviewerApprovesInTheTasklistAndAnotherCountyDoesNotSeeTheTask() throws Exception {
        ApplicationRecord a = submit();
        approve(a, "unit-nc-hospital");
        approve(a, "ningcheng-health");
        assertThat(register.find(a.id()).orElseThrow().currentStage()).isEqualTo("COUNTY_HR");
        Task task = task(a);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_CountyHrReview");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(COUNTY_REVIEWER);
        users.reviewer(COUNTY_REVIEWER);
        users.reviewer(OTHER_COUNTY_REVIEWER);

        Result other = tasklist("absent", OTHER_COUNTY_REVIEWER, a.id(), task.getId());
        assertThat(other.exitCode).as("%s must not see the task of %s:%n%s", OTHER_COUNTY_REVIEWER, a.id(), other.output)
                .isZero();
        assertThat(register.find(a.id()).orElseThrow().currentStage()).isEqualTo("COUNTY_HR");

        Result review = tasklist("review", COUNTY_REVIEWER, a.id(), task.getId());
        assertThat(review.exitCode).as("tasklist-review.mjs as %s:%n%s", COUNTY_REVIEWER, review.output).isZero();

        assertThat(register.find(a.id()).orElseThrow().currentStage()).isEqualTo("CITY_HR");
        List<ReviewStep> trail = applications.trail(a.id());
        ReviewStep last = trail.get(trail.size() - 1);
        assertThat(last.stage()).isEqualTo("COUNTY_HR");
        assertThat(last.reviewer()).isEqualTo(COUNTY_REVIEWER);
        assertThat(last.decision()).isEqualTo("APPROVE");
        assertThat(last.attested()).isTrue();
        assertThat(last.comment()).isEqualTo("同意上报（界面测试）");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getAssignee()).as("claimed in the Tasklist").isEqualTo(COUNTY_REVIEWER);
        // REV-3: the county bureau's roster notice comes before the city bureau
        assertThat(notices.passIfWaiting(a.processInstanceId())).isTrue();
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_CityHrReview");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs the browser script against this test's server and returns its exit code and output. */
    private Result tasklist(String mode, String user, String applicationId, String taskId)
            throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        List<String> command = List.of(BrowserScript.onPath("node"), SCRIPT.toString(), "--mode", mode,
                "--base", "http://localhost:" + port, "--user", user, "--password", TestUsers.PASSWORD,
                "--application", applicationId, "--task", taskId, "--out", SCREENSHOTS.toString());
        File log = SCREENSHOTS.resolve(mode + "-" + user + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).directory(UI_DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log);
        Process p = pb.start();
        boolean finished = p.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.print(output);
        return new Result(finished ? p.exitValue() : -1,
                finished ? output : output + "\n(killed after " + SCRIPT_TIMEOUT + ")");
    }

    private ApplicationRecord submit() {
        String applicant = users.applicant("applicant-ui-" + System.nanoTime());
        return users.api(applicant, () -> applications.submit(dossier().build()));
    }

    private Task task(ApplicationRecord a) {
        return tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
    }

    private void approve(ApplicationRecord a, String group) {
        Task t = task(a);
        Map<String, Object> vars = new HashMap<>();
        vars.put("decision", "APPROVE");
        vars.put("comment", "同意上报");
        vars.put(Vars.ATTESTED, true);
        users.as(users.reviewer(group), () -> tasks.complete(t.getId(), vars));
        notices.passIfWaiting(a.processInstanceId());
    }
}
