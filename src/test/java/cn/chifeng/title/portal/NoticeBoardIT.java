package cn.chifeng.title.portal;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;

/**
 * The public notice board (REV-1, REV-3, PUB-1, PUB-2) as a stranger uses it: read a notice without logging in and
 * see only its published fields, object under a real name, and be held to the form's limits. The notice is the
 * unit's nominee notice of one application, published on Tue 2025-06-10 for five working days (to Mon 06-16).
 */
@Tag("postgres")
class NoticeBoardIT extends IntegrationTestBase {
    private static final String UNIT = "unit-nc-hospital";
    private static final String OBJECTOR = "孙立新";
    private static final String OBJECTOR_PHONE = "13712345678";
    private static final String TEXT = "该同志申报材料中的论文并非本人撰写，可提供原稿作证";

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

    private String applicant;
    private ApplicationRecord nominee;
    private String idNumber;
    private String noticeId;

    @BeforeEach
    void theUnitPublishesItsNominee() {
        objectionLimiter.clear();
        applicant = users.applicant("board-" + System.nanoTime());
        idNumber = cn.chifeng.title.support.Dossiers.randomIdNumber();
        nominee = users.api(applicant, () -> applications.submit(dossier().name("钱晓梅").idNumber(idNumber).build()));
        Task unitReview = tasks.createTaskQuery().processInstanceId(nominee.processInstanceId()).singleResult();
        users.as(users.reviewer(UNIT), () -> tasks.complete(unitReview.getId(),
                Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
        ResponseEntity<Map<String, Object>> published = new Api(http, users.reviewer(UNIT)).post("/api/publications",
                Map.of("kind", "UNIT_NOMINEES", "applicationIds", List.of(nominee.id())));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        noticeId = (String) published.getBody().get("publicationId");
    }

    private Map<String, String> objection() {
        Map<String, String> form = new HashMap<>();
        form.put("entry", "1");
        form.put("about", "MATERIALS");
        form.put("text", TEXT);
        form.put("objectorName", OBJECTOR);
        form.put("objectorContact", OBJECTOR_PHONE);
        return form;
    }

    private Map<String, Object> noticeAsSeenBy(String user) {
        ResponseEntity<Map<String, Object>> r = new Api(http, user).get("/api/publications/" + noticeId);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void aStrangerReadsTheNoticeAndSeesOnlyThePublishedFields() {
        PortalClient stranger = new PortalClient(port);

        PortalClient.Page board = stranger.get("/portal/notices");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.path()).isEqualTo("/portal/notices");
        assertThat(board.body()).contains("/portal/notices/" + noticeId).contains("职称申报推荐人选公示")
                .contains("单位推荐人选公示").contains("宁城县中心医院")
                .contains("2025年6月10日 至 2025年6月16日（5个工作日）").contains("公示中");

        PortalClient.Page notice = stranger.get("/portal/notices/" + noticeId);
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.body()).contains("姓名", "工作单位", "申报系列", "申报专业", "申报级别")
                .contains("钱晓梅", "宁城县中心医院", "工程", "专业技术", "中级")
                .contains("实名反映问题");
        assertThat(notice.body()).as("never the ID number, phone or e-mail")
                .doesNotContain(idNumber).doesNotContain("13900000000").doesNotContain("applicant@example.invalid")
                .doesNotContain(nominee.id());
        assertThat(notice.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void aRealNameObjectionWithoutLoginReachesTheUnitButNotThePersonObjectedTo() {
        PortalClient stranger = new PortalClient(port);
        stranger.get("/portal/notices/" + noticeId);

        PortalClient.Page filed = stranger.post("/portal/notices/" + noticeId + "/objections", objection());

        assertThat(filed.path()).isEqualTo("/portal/notices/" + noticeId + "?filed");
        assertThat(filed.body()).contains("异议已受理").doesNotContain(OBJECTOR).doesNotContain(OBJECTOR_PHONE);
        // routed like any objection (PUB-2): about materials → the applicant's unit, as a task 核查公示异议
        Task investigation = tasks.createTaskQuery().processInstanceBusinessKey(noticeId).singleResult();
        assertThat(investigation.getName()).isEqualTo("核查公示异议");
        assertThat(tasks.getIdentityLinksForTask(investigation.getId())).anyMatch(l -> UNIT.equals(l.getGroupId()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seenByUnit = (List<Map<String, Object>>) noticeAsSeenBy(users.reviewer(UNIT))
                .get("objections");
        assertThat(seenByUnit).singleElement().satisfies(o -> assertThat(o).containsEntry("text", TEXT)
                .containsEntry("objectorName", OBJECTOR).containsEntry("objectorContact", OBJECTOR_PHONE)
                .containsEntry("about", "MATERIALS").containsEntry("applicationId", nominee.id())
                .doesNotContainKey("filedBy"));

        Map<String, Object> seenByApplicant = noticeAsSeenBy(applicant);
        assertThat(seenByApplicant).doesNotContainKey("objections").containsEntry("objectionCount", 1);
        assertThat(seenByApplicant.toString()).doesNotContain(OBJECTOR).doesNotContain(OBJECTOR_PHONE);
        ResponseEntity<String> ownApplication = new Api(http, applicant).raw(org.springframework.http.HttpMethod.GET,
                "/api/applications/" + nominee.id(), null);
        assertThat(ownApplication.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownApplication.getBody()).doesNotContain(OBJECTOR).doesNotContain(OBJECTOR_PHONE);
        assertThat(new PortalClient(port).get("/portal/notices/" + noticeId).body()).doesNotContain(OBJECTOR)
                .doesNotContain(OBJECTOR_PHONE);
    }

    @Test
    void aMissingRealNameIsShownNextToTheFieldAndNothingIsFiled() {
        PortalClient stranger = new PortalClient(port);
        stranger.get("/portal/notices/" + noticeId);
        Map<String, String> form = objection();
        form.remove("objectorName");
        form.put("objectorContact", "打电话找我");

        PortalClient.Page page = stranger.post("/portal/notices/" + noticeId + "/objections", form);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).containsPattern("id=\"objectorName\"[^>]*>\\s*<p class=\"error\">必须填写真实姓名</p>")
                .containsPattern("id=\"objectorContact\"[^>]*>\\s*<p class=\"error\">请填写有效的手机号码")
                .as("what was typed is kept").contains(TEXT);
        assertThat(noticeAsSeenBy(users.reviewer(UNIT))).containsEntry("objectionCount", 0);
    }

    @Test
    void aTextOverTheLimitIsAFieldMessageAndABodyOverTheLimitIsRefusedUnread() {
        PortalClient stranger = new PortalClient(port);
        stranger.get("/portal/notices/" + noticeId);
        Map<String, String> form = objection();
        form.put("text", "异".repeat(2001));

        PortalClient.Page tooLong = stranger.post("/portal/notices/" + noticeId + "/objections", form);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).containsPattern("</textarea>\\s*<p class=\"error\">异议内容不能超过2000个字");

        form.put("text", "异".repeat(5000));
        PortalClient.Page tooBig = stranger.post("/portal/notices/" + noticeId + "/objections", form);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("提交内容过长");
        assertThat(noticeAsSeenBy(users.reviewer(UNIT))).containsEntry("objectionCount", 0);
    }

    @Test
    void theSixthObjectionFromOneAddressInTenMinutesIsA429() {
        PortalClient stranger = new PortalClient(port);
        stranger.get("/portal/notices/" + noticeId);
        Map<String, String> unnamed = objection();
        unnamed.remove("objectorName");
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.post("/portal/notices/" + noticeId + "/objections", unnamed).status()).isEqualTo(400);
        }

        PortalClient.Page refused = stranger.post("/portal/notices/" + noticeId + "/objections", objection());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("提交过于频繁").contains("10 分钟后再试");
        assertThat(refused.header("Retry-After")).isEqualTo("600");
        assertThat(noticeAsSeenBy(users.reviewer(UNIT))).containsEntry("objectionCount", 0);

        clock.set(LocalDateTime.of(2025, 6, 10, 10, 10));
        assertThat(stranger.post("/portal/notices/" + noticeId + "/objections", objection()).path())
                .endsWith("?filed");
    }

    @Test
    void anObjectionWithoutTheFormsCsrfTokenIsRefused() {
        PortalClient forger = new PortalClient(port);
        Map<String, String> form = objection();
        form.put("_csrf", "forged");

        assertThat(forger.post("/portal/notices/" + noticeId + "/objections", form).status()).isEqualTo(403);
        assertThat(noticeAsSeenBy(users.reviewer(UNIT))).containsEntry("objectionCount", 0);
    }

    @Test
    void anEndedNoticeStaysOnTheBoardWithoutTheFormUntilItsRetentionIsOver() {
        clock.set(LocalDateTime.of(2025, 6, 17, 9, 0));
        PortalClient stranger = new PortalClient(port);
        String board = stranger.get("/portal/notices").body();
        assertThat(board.substring(board.indexOf("已结束的公示"))).contains("/portal/notices/" + noticeId)
                .contains("已结束");
        PortalClient.Page ended = stranger.get("/portal/notices/" + noticeId);
        assertThat(ended.body()).contains("本公示已结束，不再受理异议").doesNotContain("实名反映问题");

        clock.set(LocalDateTime.of(2026, 6, 17, 9, 0));
        assertThat(stranger.get("/portal/notices").body()).doesNotContain("/portal/notices/" + noticeId);
        PortalClient.Page gone = stranger.get("/portal/notices/" + noticeId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).contains("该公示不存在或已超过保留期限");
    }
}
