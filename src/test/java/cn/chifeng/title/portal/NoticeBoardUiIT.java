package cn.chifeng.title.portal;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.BrowserScript;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;

/**
 * The public notice board in a real browser ({@code src/test/ui/notice-objection.mjs}), without a login: the unit's
 * nominee notice (REV-1) is found on {@code /portal/notices}, opened, shows its published fields and not the ID number,
 * and takes a real-name objection about the materials (PUB-2); the objection reaches the unit as a task 核查公示异议
 * with the objector's name and contact, which the public page never shows. Screenshots in
 * {@code target/ui-screenshots/notice-*.png}.
 */
class NoticeBoardUiIT extends IntegrationTestBase {
    private static final String UNIT = "unit-nc-hospital";
    private static final String NOMINEE = "韩雪梅";
    private static final String OBJECTOR = "孙立新";
    private static final String OBJECTOR_PHONE = "13712345678";
    private static final String TEXT = "该同志申报材料中的业绩证明并非本人完成，可提供原始记录作证";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ClientRateLimiter objectionLimiter;

    @BeforeEach
    void browserIsInstalled() {
        BrowserScript.requireOrSkip("notice board UI test");
    }

    @Test
    void aStrangerReadsTheNoticeInTheBrowserAndFilesARealNameObjectionThatReachesTheUnitOnly() throws Exception {
        objectionLimiter.clear();
        String idNumber = Dossiers.randomIdNumber();
        String applicant = users.applicant("board-ui-" + System.nanoTime());
        ApplicationRecord nominee = users.api(applicant, () -> applications.submit(dossier().name(NOMINEE)
                .idNumber(idNumber).build()));
        Task unitReview = tasks.createTaskQuery().processInstanceId(nominee.processInstanceId()).singleResult();
        users.as(users.reviewer(UNIT), () -> tasks.complete(unitReview.getId(),
                Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
        ResponseEntity<Map<String, Object>> published = new Api(http, users.reviewer(UNIT)).post("/api/publications",
                Map.of("kind", "UNIT_NOMINEES", "applicationIds", List.of(nominee.id())));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String noticeId = (String) published.getBody().get("publicationId");

        BrowserScript.Result r = BrowserScript.run("notice-objection.mjs", "notice-objection.log", "--base",
                "http://localhost:" + port, "--out", BrowserScript.SCREENSHOTS.toString(), "--notice", noticeId,
                "--name", NOMINEE, "--employer", "宁城县中心医院", "--series", "工程", "--level", "中级",
                "--hidden", idNumber, "--objector", OBJECTOR, "--contact", OBJECTOR_PHONE, "--text", TEXT);
        System.out.print(r.output());
        assertThat(r.ok()).as("notice-objection.mjs:%n%s", r.output()).isTrue();
        assertThat(r.output()).contains("objection filed");

        // recorded and routed (PUB-2): about the materials → the applicant's unit, as a task 核查公示异议
        Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(noticeId).singleResult();
        assertThat(investigation.getName()).isEqualTo("核查公示异议");
        assertThat(tasks.getIdentityLinksForTask(investigation.getId())).anyMatch(l -> UNIT.equals(l.getGroupId()));
        ResponseEntity<Map<String, Object>> seenByUnit = new Api(http, users.reviewer(UNIT))
                .get("/api/publications/" + noticeId);
        assertThat(seenByUnit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seenByUnit.getBody()).containsEntry("objectionCount", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objections = (List<Map<String, Object>>) seenByUnit.getBody().get("objections");
        assertThat(objections).singleElement().satisfies(o -> assertThat(o).containsEntry("text", TEXT)
                .containsEntry("objectorName", OBJECTOR).containsEntry("objectorContact", OBJECTOR_PHONE)
                .containsEntry("about", "MATERIALS").containsEntry("applicationId", nominee.id()));

        // the public page afterwards: the row still there, never the objector nor the ID number
        PortalClient.Page after = new PortalClient(port).get("/portal/notices/" + noticeId);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains(NOMINEE).doesNotContain(OBJECTOR).doesNotContain(OBJECTOR_PHONE)
                .doesNotContain(TEXT).doesNotContain(idNumber);
    }
}
