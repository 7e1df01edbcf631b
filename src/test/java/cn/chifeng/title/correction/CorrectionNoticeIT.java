package cn.chifeng.title.correction;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/** The one-time written correction notice of the committee office (COR-1…4). */
@Tag("postgres")
class CorrectionNoticeIT extends IntegrationTestBase {
    private static final String ITEMS = "1. 学历证书复印件缺页\n2. 继续教育审验卡未盖章\n3. 论文检索证明";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationRepository register;

    private String applicant;

    /** A city hospital application brought to the committee office, which issues the notice on 2025-06-10. */
    private String atTheCommitteeOfficeWithANotice() {
        String id = atTheCommitteeOffice();
        decide(id, "CORRECTION", ITEMS);
        return id;
    }

    private String atTheCommitteeOffice() {
        applicant = users.applicant("correction-" + System.nanoTime());
        Dossiers d = dossier().employer(Dossiers.CITY_HOSPITAL, "赤峰市医院", "PUBLIC_INSTITUTION", "CITY", "hongshan",
                "city-health");
        String id = (String) new Api(http, applicant).post("/api/applications", json.convertValue(d.build(), Map.class))
                .getBody().get("applicationId");
        for (int i = 0; i < 3; i++) {
            decide(id, "APPROVE", null);
        }
        assertThat(task(id).getTaskDefinitionKey()).isEqualTo("Task_CommitteeOfficeReview");
        return id;
    }

    @Test
    void theNoticeListsEveryItemWithADeadlineOfFiveWorkingDaysAndTheConsequence() {
        String id = atTheCommitteeOfficeWithANotice();

        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.CORRECTION_REQUESTED);
        Job timer = timer(id);
        // issued Tue 2025-06-10: five working days from the next day end on Tue 2025-06-17, at midnight in China
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2025-06-17T16:00:00Z"));
        HttpHeaders browser = new HttpHeaders();
        browser.setBasicAuth(applicant, TestUsers.PASSWORD);
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> document = http.exchange("/api/applications/" + id + "/correction-notice",
                HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).contains("职称申报材料补正告知书", "学历证书复印件缺页", "继续教育审验卡未盖章",
                "论文检索证明", "2025年6月17日", "视为放弃申报", "本告知只发出一次", "赤人社办发〔2025〕69号")
                .as("every placeholder of the template filled").doesNotContainPattern("\\{[A-Za-z]\\w*}");
    }

    /** SEA-7: after the review close the notice alone opens the materials, until its deadline and no longer. */
    @Test
    void afterTheReviewCloseANoticeTakesMaterialsUntilItsDeadlineOnly() {
        String id = atTheCommitteeOffice();
        clock.set(LocalDateTime.of(2025, 7, 7, 9, 0)); // Monday, after the review close (07-02)
        assertThat(uploadPdf(id).getStatusCode()).as("no notice: closed").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        decide(id, "CORRECTION", ITEMS); // five working days from 07-08: until Monday 07-14
        clock.set(LocalDateTime.of(2025, 7, 14, 22, 0));
        assertThat(uploadPdf(id).getStatusCode()).as("on the deadline day").isEqualTo(HttpStatus.CREATED);

        clock.set(LocalDateTime.of(2025, 7, 15, 9, 0));
        ResponseEntity<String> late = uploadPdf(id);
        assertThat(late.getStatusCode()).as("the day after").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(late.getBody()).contains("MATERIALS_CLOSED", "一次性补正告知的时限内");
    }

    private ResponseEntity<String> uploadPdf(String id) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("item", "EDUCATION");
        parts.add("file", new org.springframework.core.io.ByteArrayResource(
                "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            @Override
            public String getFilename() {
                return "补正.pdf";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.setBasicAuth(applicant, TestUsers.PASSWORD);
        return http.exchange("/api/applications/" + id + "/materials", HttpMethod.POST, new HttpEntity<>(parts, h),
                String.class);
    }

    @Test
    void aCorrectionInTimeGoesBackToCommitteeOfficeReview() {
        String id = atTheCommitteeOfficeWithANotice();
        clock.set(LocalDateTime.of(2025, 6, 17, 23, 0));

        Map<String, Object> r = new Api(http, applicant).post("/api/applications/" + id + "/corrections",
                Map.of("answer", "已补充学历证书、审验卡和检索证明")).getBody();

        assertThat(r).containsEntry("status", "IN_REVIEW");
        assertThat(task(id).getTaskDefinitionKey()).isEqualTo("Task_CommitteeOfficeReview");
        assertThat(timer(id)).isNull();
        assertThat((String) engine.getTaskService().getVariable(task(id).getId(),
                TitleApplicationProcess.Vars.CORRECTION_DISPLAY)).as("the office's form shows the answer")
                .contains("已补充学历证书、审验卡和检索证明").contains("答复（2025-06-17 23:00）").contains("补正材料");
    }

    @Test
    void noCorrectionByTheDeadlineCountsAsWithdrawn() {
        String id = atTheCommitteeOfficeWithANotice();

        engine.getManagementService().executeJob(timer(id).getId());

        assertThat(register.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.ABANDONED);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(register.find(id).orElseThrow().processInstanceId())
                .activityId(TitleApplicationProcess.END_ABANDONED).count()).isEqualTo(1);
    }

    @Test
    void aLateAnswerIsRefused() {
        String id = atTheCommitteeOfficeWithANotice();
        clock.set(LocalDateTime.of(2025, 6, 18, 0, 0, 1));

        ResponseEntity<Map<String, Object>> r = new Api(http, applicant).post("/api/applications/" + id
                + "/corrections", Map.of("answer", "迟到的补正"));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody()).containsEntry("error", "CORRECTION_DEADLINE_PASSED");
    }

    @Test
    void aSecondNoticeIsRefusedWithAClearMessageAlsoThroughTheRestApi() {
        String id = atTheCommitteeOfficeWithANotice();
        new Api(http, applicant).post("/api/applications/" + id + "/corrections", Map.of("answer", "已补正"));

        assertThatThrownBy(() -> decide(id, "CORRECTION", "再补一份材料"))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class).hasMessageContaining("不能再次告知");
        ResponseEntity<String> rest = new Api(http, users.reviewer("cmte-engineering-city")).raw(HttpMethod.POST,
                "/engine-rest/task/" + task(id).getId() + "/complete", Map.of("variables", Map.of(
                        "decision", Map.of("value", "CORRECTION"), "comment", Map.of("value", "再补一份材料"))));
        assertThat(rest.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(rest.getBody()).contains("不能再次告知");
        assertThat(task(id).getTaskDefinitionKey()).isEqualTo("Task_CommitteeOfficeReview");
    }

    @Test
    void onlyTheCommitteeOfficeIssuesANotice() {
        applicant = users.applicant("correction-" + System.nanoTime());
        String id = (String) new Api(http, applicant).post("/api/applications",
                json.convertValue(dossier().build(), Map.class)).getBody().get("applicationId");

        // the stage's form does not offer it; the process's own rule (ReviewRules) would refuse it too
        assertThatThrownBy(() -> decide(id, "CORRECTION", ITEMS))
                .isInstanceOf(cn.chifeng.title.security.CompletionRefusedException.class)
                .hasMessageContaining("“审核结论”的取值“CORRECTION”无效");
        assertThat(new Api(http, applicant).post("/api/applications/" + id + "/corrections",
                Map.of("answer", "x")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }


    private Task task(String applicationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult();
    }

    private Job timer(String applicationId) {
        List<Job> jobs = engine.getManagementService().createJobQuery()
                .processInstanceId(register.find(applicationId).orElseThrow().processInstanceId())
                .activityId(TitleApplicationProcess.TIMER_CORRECTION_DEADLINE).list();
        return jobs.isEmpty() ? null : jobs.get(0);
    }
}
