package cn.chifeng.title.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.process.ProfileVerificationProcess;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestMail;

/**
 * The applicant's whole journey in a real browser ({@code src/test/ui/portal-journey.mjs}, playwright-core, Debian's
 * chromium): registration on a phone-sized screen, the confirmation link read from the SMTP server, login by
 * 身份证号, the application form on a phone, a field message, the draft and its what-if, an upload with progress, the
 * submission and its status; then a return by the unit, the correction on the form and the resubmission; then the
 * committee office's correction notice answered with a file in time. Screenshots in
 * {@code target/ui-screenshots/portal-*.png}.
 */
class PortalJourneyUiIT extends IntegrationTestBase {
    private static final String PASSWORD = "Chifeng2025a";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationRepository register;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("portal journey UI test");
    }

    private String step(String step, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "--base";
        all[1] = "http://localhost:" + port;
        all[2] = "--step";
        all[3] = step;
        System.arraycopy(args, 0, all, 4, args.length);
        BrowserScript.Result r = BrowserScript.run("portal-journey.mjs", "portal-" + step + ".log", all);
        System.out.print(r.output());
        assertThat(r.ok()).as("portal-journey.mjs --step %s:%n%s", step, r.output()).isTrue();
        return r.output();
    }

    @Test
    void aPersonRegistersAppliesIsReturnedCorrectsAndAnswersTheCorrectionNoticeInTheBrowser() throws Exception {
        String idNumber = TestMail.idNumber("19860412");
        long n = System.nanoTime() % 100000000L;
        String email = "journey" + n + "@example.invalid";
        step("register", "--id", idNumber, "--phone", "137" + String.format("%08d", n), "--email", email,
                "--password", PASSWORD, "--out", BrowserScript.SCREENSHOTS.toString());

        TestMail.deliver(management);
        String link = TestMail.lastLink(email);
        assertThat(link).startsWith("/portal/confirm/");
        step("confirm", "--link", link, "--id", idNumber, "--password", PASSWORD, "--out",
                BrowserScript.SCREENSHOTS.toString());
        profileVerifiedByTheUnit(idNumber);
        String applied = step("apply", "--id", idNumber, "--password", PASSWORD, "--employer",
                Dossiers.CITY_HOSPITAL, "--out", BrowserScript.SCREENSHOTS.toString());
        Matcher m = Pattern.compile("application: (CF\\d{4}-[0-9A-Z]+)").matcher(applied);
        assertThat(m.find()).as(applied).isTrue();
        String id = m.group(1);
        assertThat(applied).contains("field message: ").contains("uploaded 代表作品.pdf").contains("status: 审核中");
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_REVIEW);

        decide(id, "RETURN", "代表作品须附创作时间说明");
        String resubmitted = step("resubmit", "--application", id, "--id", idNumber, "--password", PASSWORD,
                "--out", BrowserScript.SCREENSHOTS.toString());
        assertThat(resubmitted).contains("reason: 代表作品须附创作时间说明").contains("status: 审核中");
        assertThat(register.find(id).orElseThrow().dossierJson()).contains("陶瓷艺术设计");

        for (int i = 0; i < 8 && !"Task_CommitteeOfficeReview".equals(task(id).getTaskDefinitionKey()); i++) {
            decide(id, "APPROVE", null);
        }
        decide(id, "CORRECTION", "1. 继续教育审验卡未加盖公章");
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
        step("answer", "--application", id, "--id", idNumber, "--password", PASSWORD, "--out",
                BrowserScript.SCREENSHOTS.toString());
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    /** APP-1: the profile (its page is tested by ProfileVerificationIT), verified by the unit in its Tasklist task. */
    private void profileVerifiedByTheUnit(String idNumber) {
        PortalClient browser = new PortalClient(port).login(idNumber, PASSWORD);
        browser.get("/portal/profile");
        PortalClient.Page saved = browser.post("/portal/profile", Map.of("education", "BACHELOR", "graduationDate",
                "2008-07-01", "workStartDate", "2010-08-01", "employer", Dossiers.CITY_HOSPITAL, "title0Level",
                "ASSISTANT", "title0Series", "ARTS_AND_CRAFTS", "title0Date", "2015-01-01", "title0Certificate",
                "NM2015-0456"));
        assertThat(saved.body()).contains("核实中");
        Task t = tasks.createTaskQuery().processDefinitionKey(ProfileVerificationProcess.KEY).active().list().stream()
                .filter(x -> tasks.getIdentityLinksForTask(x.getId()).stream()
                        .anyMatch(l -> "unit-city-hospital".equals(l.getGroupId())))
                .reduce((a, b) -> b).orElseThrow();
        users.as(users.reviewer("unit-city-hospital"), () -> tasks.complete(t.getId(),
                Map.of(ProfileVerificationProcess.Vars.VERIFICATION_DECISION, ProfileVerificationProcess.Vars.VERIFIED)));
        assertThat(browser.get("/portal/profile").body()).contains("已核实");
    }

    private Task task(String applicationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
    }

}
