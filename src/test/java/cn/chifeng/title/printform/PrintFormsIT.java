package cn.chifeng.title.printform;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ResidentIdNumber;
import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * APP-4 through its doors: after submitting, the applicant downloads the 评审表 and the 送审表 as Chinese PDFs that
 * show the dossier and each stage's decision so far (审核单位 · 审核意见 · 内容属实 · 审核人 · 日期); whoever may read
 * the application may print them, nobody else.
 */
class PrintFormsIT extends IntegrationTestBase {
    static final String UNIT = "unit-nc-hospital";
    static final String REVIEW_FORM = "review-form.pdf";
    static final String SUBMISSION_FORM = "submission-form.pdf";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;

    private String idNumber;

    /** A senior-health application of 宁城县中心医院 submitted through the API, with two periods of service. */
    private String submitAs(String applicant) {
        idNumber = Dossiers.randomIdNumber();
        Map<String, Object> body = json.convertValue(dossier().name("李秀英").idNumber(idNumber).series("HEALTH")
                .targetLevel("ASSOCIATE_SENIOR").build(), Map.class);
        body.put("serviceHistory", List.of(Map.of("from", "2010-08-01", "to", "2016-07-31", "place", "TOWNSHIP"),
                Map.of("from", "2016-08-01", "place", "COUNTY")));
        ResponseEntity<Map<String, Object>> r = new Api(http, applicant).post("/api/applications", body);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) r.getBody().get("applicationId");
    }

    private void unitApproves(String applicationId, String comment) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DECISION, "APPROVE");
        vars.put(Vars.COMMENT, comment);
        vars.put(Vars.ATTESTED, true);
        users.as(users.reviewer(UNIT), () -> tasks.complete(task, vars));
    }

    @Test
    void theApplicantDownloadsBothFormsWithTheDossierAndTheUnitsAttestedDecision() throws Exception {
        String applicant = users.applicant("print-" + System.nanoTime());
        String id = submitAs(applicant);
        unitApproves(id, "同意推荐");

        ResponseEntity<byte[]> review = form(applicant, id, REVIEW_FORM);
        assertThat(review.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(review.getHeaders().getContentType().toString()).startsWith(MediaType.APPLICATION_PDF_VALUE);
        assertThat(review.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; ")
                .contains("filename=\"review-form-" + id + ".pdf\"")
                .contains("filename*=UTF-8''" + URLEncoder.encode("专业技术职称评审表-李秀英.pdf", StandardCharsets.UTF_8));
        String gender = ResidentIdNumber.isMale(idNumber) ? "男" : "女";
        var born = ResidentIdNumber.birthDate(idNumber);
        keep(REVIEW_FORM, review.getBody());
        String reviewText = text(review.getBody());
        assertThat(reviewText).contains("专业技术职称评审表", "姓名李秀英", "性别" + gender,
                "出生年月" + born.getYear() + "年" + born.getMonthValue() + "月", "身份证号" + idNumber,
                "职称系列卫生", "申报层级副高级", "工作单位宁城县中心医院", "最高学历大学本科",
                "2010年8月1日2016年7月31日苏木乡镇", "2016年8月1日至今旗县区",
                "审核单位审核意见内容属实审核人日期",
                "宁城县中心医院通过：同意推荐是" + UNIT + "2025年6月10日", "内容属实、审核人：某某某、年月日");

        ResponseEntity<byte[]> submission = form(applicant, id, SUBMISSION_FORM);
        assertThat(submission.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(submission.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''" + URLEncoder.encode("专业技术职称送审表-李秀英.pdf", StandardCharsets.UTF_8));
        keep(SUBMISSION_FORM, submission.getBody());
        String submissionText = text(submission.getBody());
        assertThat(submissionText).contains("专业技术职称送审表", "姓名李秀英", "职称系列卫生",
                "身份证号" + ResidentIdNumber.masked(idNumber),
                "宁城县中心医院通过：同意推荐是" + UNIT + "2025年6月10日");
        assertThat(submissionText).as("blind in the template: not the full ID number").doesNotContain(idNumber);
    }

    @Test
    void theBodiesOnTheRouteAndAdministratorsPrintItAnotherApplicantOrBodyIsToldItDoesNotExist() {
        String applicant = users.applicant("print-own-" + System.nanoTime());
        String id = submitAs(applicant);

        for (String path : List.of(REVIEW_FORM, SUBMISSION_FORM)) {
            assertThat(form(users.reviewer(UNIT), id, path).getStatusCode()).as("the unit reviewing it")
                    .isEqualTo(HttpStatus.OK);
            assertThat(form(TestUsers.ADMIN, id, path).getStatusCode()).isEqualTo(HttpStatus.OK);
            ResponseEntity<byte[]> other = form(users.applicant("print-nosy-" + System.nanoTime()), id, path);
            assertThat(other.getStatusCode()).as("another applicant").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(new String(other.getBody(), StandardCharsets.UTF_8)).doesNotContain("李秀英");
            assertThat(form(users.reviewer("hongshan-hr"), id, path).getStatusCode())
                    .as("a body not on the route").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(form(null, id, path).getStatusCode()).as("anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(form(applicant, "CF2025-NOSUCHAPPLICATION", path).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    /** Kept under target/ to look at. */
    private static void keep(String name, byte[] pdf) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "print-forms", name);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, pdf);
    }

    /** The text as a reader extracts it, without the spaces and line breaks between cells. */
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s", "");
        }
    }

    private ResponseEntity<byte[]> form(String user, String applicationId, String file) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_JSON));
        if (user != null) {
            h.setBasicAuth(user, TestUsers.PASSWORD);
        }
        return http.exchange("/api/applications/" + applicationId + "/forms/" + file, HttpMethod.GET,
                new HttpEntity<>(h), byte[].class);
    }
}
