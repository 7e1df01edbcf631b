package cn.chifeng.title.portal;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.PortalClient;
import cn.chifeng.title.support.TestUsers;

/**
 * The applicant's application pages over HTTP, through the same services as the API: the form with field messages,
 * the draft, the eligibility what-if, uploads, the binding checklist, the submission, the timeline, a returned
 * application corrected and resubmitted with its route fields kept, the correction notice answered, the withdrawal.
 */
class ApplicationPagesIT extends IntegrationTestBase {
    private static final Pattern APPLICATION = Pattern.compile("/portal/applications/(CF\\d{4}-[0-9A-Z]+)");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationRepository register;
    @Autowired
    ApplicationService applications;
    @Autowired
    cn.chifeng.title.publicity.PublicityService publicity;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    private String applicant;

    private PortalClient signedIn() {
        applicant = users.applicant("pages-" + System.nanoTime());
        return new PortalClient(port).login(applicant, TestUsers.PASSWORD);
    }

    private static Map<String, String> form(String series, String idNumber) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "周晓梅");
        f.put("idNumber", idNumber);
        f.put("phone", "13900000000");
        f.put("email", "zhou@example.invalid");
        f.put("education", "BACHELOR");
        f.put("graduationDate", "2008-07-01");
        f.put("workStartDate", "2010-08-01");
        f.put("employer", Dossiers.NC_HOSPITAL);
        f.put("series", series);
        f.put("specialty", "工艺美术设计");
        f.put("targetLevel", "INTERMEDIATE");
        f.put("currentLevel", "ASSISTANT");
        f.put("currentTitleDate", "2015-01-01");
        f.put("evaluationType", "REGULAR");
        f.put("talentProgram", "NONE");
        f.put("continuingEducationDone", "true");
        f.put("assessmentPassed", "true");
        return f;
    }

    private static String idOf(PortalClient.Page page) {
        Matcher m = APPLICATION.matcher(page.path());
        assertThat(m.find()).as("on an application page: " + page.path()).isTrue();
        return m.group(1);
    }

    @Test
    void anApplicantSavesADraftSeesTheWhatIfUploadsTheRequiredItemAndSubmitsAndPrintsTheForms() throws Exception {
        PortalClient browser = signedIn();
        assertThat(browser.get("/portal/apply").body()).contains("2025 年度职称申报").contains("宁城县中心医院")
                .contains("2025-06-25");

        PortalClient.Page draft = browser.post("/portal/apply", form("ARTS_AND_CRAFTS", Dossiers.randomIdNumber()));
        String id = idOf(draft);
        assertThat(draft.body()).contains("草稿（未提交）").contains("申报资格预审").contains("符合申报条件")
                .contains("提交前还须上传：").contains("代表作品");

        PortalClient.Page early = browser.post("/portal/applications/" + id + "/submit", Map.of());
        assertThat(early.body()).contains("提交前须上传必需材料：代表作品");
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);

        PortalClient.Page uploaded = browser.upload("/portal/applications/" + id + "/materials",
                Map.of("item", "WORKS"), "file", "作品集.pdf", "application/pdf", PDF);
        assertThat(uploaded.body()).contains("已上传：作品集.pdf").doesNotContain("提交前还须上传：");

        PortalClient.Page submitted = browser.post("/portal/applications/" + id + "/submit", Map.of());
        assertThat(submitted.body()).contains("申报已提交").contains("审核中").contains("单位审核（当前）");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(browser.get("/portal/home").body()).contains(id).contains("审核中");

        byte[] pdf = browser.bytes("/portal/applications/" + id + "/forms/review-form.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("专业技术职称评审表")
                    .contains("周晓梅").contains("工艺美术");
        }
        assertThat(signedIn().get("/portal/applications/" + id + "/forms/review-form.pdf").status())
                .as("another applicant").isEqualTo(404);
    }

    @Test
    void theApplicationPageListsTheNoticesItIsInWithTheirPeriodAndState() {
        PortalClient browser = signedIn();
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().name("吴立新")
                .applicantUserId(applicant).build()));
        assertThat(browser.get("/portal/applications/" + a.id()).body()).doesNotContain("id=\"notices\"");

        var task = tasks.createTaskQuery().processInstanceBusinessKey(a.id()).singleResult();
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(task.getId(), Map.of("decision", "APPROVE",
                "comment", "同意推荐", cn.chifeng.title.process.TitleApplicationProcess.Vars.ATTESTED, true)));
        var notice = users.api(users.reviewer("unit-nc-hospital"), () -> publicity.publish("UNIT_NOMINEES",
                java.util.List.of(a.id()), null, null, null));

        String open = browser.get("/portal/applications/" + a.id()).body();
        assertThat(section(open, "notices")).contains("单位推荐人选公示").contains("宁城县中心医院")
                .contains("/portal/notices/" + notice.id()).contains("公示中")
                .contains(notice.startDate() + " 至 " + notice.endDate());

        management.executeJob(management.createJobQuery().processInstanceId(notice.processInstanceId()).timers()
                .singleResult().getId());
        assertThat(section(browser.get("/portal/applications/" + a.id()).body(), "notices"))
                .contains("公示结束，已通过").doesNotContain("公示中");
        assertThat(signedIn().get("/portal/applications/" + a.id()).status()).as("another applicant").isEqualTo(404);
    }

    /** The {@code <section id="…">} of a page. */
    private static String section(String body, String id) {
        int from = body.indexOf("<section class=\"card\" id=\"" + id + "\"");
        assertThat(from).as("section " + id).isNotNegative();
        return body.substring(from, body.indexOf("</section>", from));
    }

    @Test
    void wrongFieldsAreShownNextToEachFieldAndNothingIsSaved() {
        PortalClient browser = signedIn();
        browser.get("/portal/apply");
        Map<String, String> f = form("ARTS_AND_CRAFTS", "150429198501011230");
        f.put("workStartDate", "2010-13-45");
        f.remove("series");
        f.put("employer", "NOT-A-UNIT");

        PortalClient.Page page = browser.post("/portal/apply", f);

        assertThat(page.path()).startsWith("/portal/apply");
        assertThat(page.body()).contains("日期格式应为").contains("所选单位未注册或未通过审核")
                .contains("value=\"周晓梅\"");
        assertThat(new Api(http, applicant).get("/api/applications").getBody().get("total")).isEqualTo(0);
    }

    @Test
    void aReturnedApplicationIsCorrectedOnItsFormWithTheRouteFieldsKeptAndGoesBack() throws Exception {
        PortalClient browser = signedIn();
        Dossiers d = dossier();
        String id = (String) new Api(http, applicant).post("/api/applications", json.convertValue(d.build(), Map.class))
                .getBody().get("applicationId");
        decide(id, "RETURN", "参加工作时间与档案不符");

        PortalClient.Page detail = browser.get("/portal/applications/" + id);
        assertThat(detail.body()).contains("已退回修改").contains("参加工作时间与档案不符").contains("修改并重新提交");
        PortalClient.Page edit = browser.get("/portal/applications/" + id + "/edit");
        assertThat(edit.body()).contains("退回修改时不能更改").contains("保存修改并重新提交")
                .containsPattern("<select id=\"series\" name=\"series\" disabled");

        Map<String, String> f = form("ECONOMICS", d.build().idNumber());
        f.put("specialty", "电气工程");
        f.put("workStartDate", "2009-08-01");
        PortalClient.Page after = browser.post("/portal/applications/" + id + "/edit", f);

        assertThat(after.body()).contains("已修改并重新提交").contains("审核中").contains("单位审核（当前）");
        var dossierNow = new Api(http, applicant).get("/api/applications/" + id + "/dossier").getBody();
        assertThat(dossierNow).containsEntry("series", "ENGINEERING").containsEntry("specialty", "电气工程")
                .containsEntry("workStartDate", "2009-08-01");
    }

    @Test
    void aCorrectionNoticeIsReadAndAnsweredWithAFileBeforeItsDeadline() {
        PortalClient browser = signedIn();
        Dossiers d = dossier().employer(Dossiers.CITY_HOSPITAL, "赤峰市医院", "PUBLIC_INSTITUTION", "CITY", "hongshan",
                "city-health");
        String id = (String) new Api(http, applicant).post("/api/applications", json.convertValue(d.build(), Map.class))
                .getBody().get("applicationId");
        for (int i = 0; i < 3; i++) {
            decide(id, "APPROVE", null);
        }
        decide(id, "CORRECTION", "1. 继续教育审验卡未盖章");

        PortalClient.Page page = browser.get("/portal/applications/" + id);
        assertThat(page.body()).contains("一次性补正告知").contains("继续教育审验卡未盖章").contains("补正时限");
        browser.upload("/portal/applications/" + id + "/materials", Map.of("item", "CONTINUING_EDUCATION"), "file",
                "审验卡.pdf", "application/pdf", PDF);
        assertThat(browser.post("/portal/applications/" + id + "/correction", Map.of("answer", " ")).body())
                .contains("补正说明");
        PortalClient.Page answered = browser.post("/portal/applications/" + id + "/correction",
                Map.of("answer", "已补充盖章的继续教育审验卡"));

        assertThat(answered.body()).contains("补正材料已提交");
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void theWithdrawalSaysWhatItMeansAndNobodyElseOpensTheApplication() {
        PortalClient browser = signedIn();
        browser.get("/portal/apply");
        String id = idOf(browser.post("/portal/apply", form("ARTS_AND_CRAFTS", Dossiers.randomIdNumber())));
        assertThat(browser.get("/portal/applications/" + id).body())
                .contains("撤回后本申报结束；个人申报截止（2025-06-25）前可重新申报");

        PortalClient other = signedIn();
        assertThat(other.get("/portal/applications/" + id).status()).isEqualTo(404);
        assertThat(other.post("/portal/applications/" + id + "/withdraw", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/portal/applications/" + id + "/edit").status()).isEqualTo(404);
        assertThat(new PortalClient(port).get("/portal/applications/" + id).path()).startsWith("/portal/login");

        PortalClient.Page withdrawn = browser.post("/portal/applications/" + id + "/withdraw", Map.of());
        assertThat(withdrawn.body()).contains("申报已撤回").contains("已撤回");
    }

}
