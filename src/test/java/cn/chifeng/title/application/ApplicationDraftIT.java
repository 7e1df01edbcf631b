package cn.chifeng.title.application;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * Drafts, the binding checklist (APP-6) and the correction of a returned application (REV-8, APP-5) over HTTP. The
 * test checklist requires 代表作品 of ARTS_AND_CRAFTS applications from the intermediate level up.
 */
class ApplicationDraftIT extends IntegrationTestBase {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;

    private String applicant;

    private Api as(String user) {
        return new Api(http, user);
    }

    private Api newApplicant() {
        applicant = users.applicant("draft-" + System.nanoTime());
        return as(applicant);
    }

    private Map<String, Object> body(Dossiers d) {
        return json.convertValue(d.build(), Map.class);
    }

    private static Dossiers arts() {
        return dossier().series("ARTS_AND_CRAFTS");
    }

    private ResponseEntity<Map<String, Object>> upload(String id, String item) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("item", item);
        parts.add("file", new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return "作品.pdf";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.setBasicAuth(applicant, TestUsers.PASSWORD);
        return http.exchange("/api/applications/" + id + "/materials", HttpMethod.POST, new HttpEntity<>(parts, h),
                new ParameterizedTypeReference<>() { });
    }

    @Test
    void aDraftCountsForNothingAndIsSubmittedOnlyWithItsRequiredMaterials() {
        Api me = newApplicant();
        ResponseEntity<Map<String, Object>> draft = me.post("/api/applications/drafts", body(arts()));
        assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(draft.getBody()).containsEntry("status", "DRAFT").containsEntry("statusLabel", "草稿（未提交）");
        String id = (String) draft.getBody().get("applicationId");
        assertThat(as(users.reviewer("unit-nc-hospital")).get("/api/applications/" + id).getStatusCode())
                .as("no reviewer sees a draft").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<String>) me.get("/api/applications/" + id + "/materials").getBody().get("missingRequired"))
                .containsExactly("WORKS");

        ResponseEntity<Map<String, Object>> early = me.post("/api/applications/" + id + "/submit", null);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).containsEntry("error", "MATERIALS_MISSING");
        assertThat((String) early.getBody().get("message")).contains("代表作品");

        assertThat(upload(id, "WORKS").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> submitted = me.post("/api/applications/" + id + "/submit", null);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(submitted.getBody()).containsEntry("status", "IN_REVIEW");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
        assertThat(as(users.reviewer("unit-nc-hospital")).get("/api/applications/" + id).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aOneStepSubmissionOfASeriesWithRequiredMaterialsIsRefusedAndStartsNothing() {
        Dossiers d = arts();
        ResponseEntity<Map<String, Object>> r = newApplicant().post("/api/applications", body(d));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) r.getBody().get("message")).contains("代表作品").contains("草稿");
        assertThat(as(applicant).get("/api/applications").getBody().get("total")).isEqualTo(0);
    }

    @Test
    void aDraftIsEditedBeforeSubmissionWithFieldMessagesAndOnlyByItsApplicant() {
        Api me = newApplicant();
        String id = (String) me.post("/api/applications/drafts", body(arts())).getBody().get("applicationId");

        Map<String, Object> changed = body(arts().name("赵敏敏"));
        assertThat(me.put("/api/applications/" + id + "/dossier", changed).getBody())
                .containsEntry("applicantName", "赵敏敏").containsEntry("status", "DRAFT");
        Map<String, Object> bad = new HashMap<>(changed);
        bad.put("workStartDate", "2030-01-01");
        ResponseEntity<Map<String, Object>> r = me.put("/api/applications/" + id + "/dossier", bad);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) r.getBody().get("errors")).extracting(e -> e.get("field"))
                .contains("workStartDate");

        Api other = as(users.applicant("draft-other-" + System.nanoTime()));
        assertThat(other.put("/api/applications/" + id + "/dossier", changed).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.post("/api/applications/" + id + "/submit", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(users.reviewer("unit-nc-hospital")).post("/api/applications/drafts", changed).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(users.reviewer("unit-nc-hospital")).get("/api/applications/" + id + "/dossier")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(me.get("/api/applications/" + id + "/dossier").getBody()).containsEntry("name", "赵敏敏");
    }

    @Test
    void aWithdrawnDraftEndsWithoutAProcess() {
        Api me = newApplicant();
        String id = (String) me.post("/api/applications/drafts", body(arts())).getBody().get("applicationId");
        assertThat(me.post("/api/applications/" + id + "/withdraw", null).getBody())
                .containsEntry("status", "WITHDRAWN");
        assertThat(me.post("/api/applications/" + id + "/submit", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aReturnedApplicationIsCorrectedAndGoesBackToTheStageThatReturnedIt() {
        Api me = newApplicant();
        Dossiers d = dossier();
        String id = (String) me.post("/api/applications", body(d)).getBody().get("applicationId");
        returnedByTheUnit(id);

        Map<String, Object> corrected = body(d);
        corrected.put("specialty", "给排水工程");
        corrected.put("workStartDate", "2009-08-01");
        ResponseEntity<Map<String, Object>> r = me.post("/api/applications/" + id + "/resubmit", corrected);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("status", "IN_REVIEW");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getTaskDefinitionKey())
                .as("back to the stage that returned it").isEqualTo("Task_UnitReview");
        assertThat(me.get("/api/applications/" + id).getBody().get("currentStage").toString()).contains("code=UNIT,");
        assertThat(me.get("/api/applications/" + id + "/dossier").getBody())
                .containsEntry("specialty", "给排水工程").containsEntry("workStartDate", "2009-08-01");
        String pid = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getProcessInstanceId();
        assertThat(engine.getRuntimeService().getVariable(pid, "specialty")).isEqualTo("给排水工程");
    }

    @Test
    void aCorrectionMayNotChangeWhatDecidesTheRouteTheCommitteeOrTheOneApplicationRule() {
        Api me = newApplicant();
        Dossiers d = dossier();
        String id = (String) me.post("/api/applications", body(d)).getBody().get("applicationId");
        returnedByTheUnit(id);

        Map<String, Object> corrected = body(d.series("ECONOMICS").targetLevel("ASSOCIATE_SENIOR"));
        ResponseEntity<Map<String, Object>> r = me.post("/api/applications/" + id + "/resubmit", corrected);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) r.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("series", "targetLevel");
        assertThat(me.get("/api/applications/" + id).getBody()).containsEntry("status", "RETURNED");
    }

    @Test
    void aCorrectionThatMakesTheApplicantIneligibleIsRefusedWithItsReasonsAndMayStillBeWithdrawn() {
        Api me = newApplicant();
        Dossiers d = dossier();
        String id = (String) me.post("/api/applications", body(d)).getBody().get("applicationId");
        returnedByTheUnit(id);

        Map<String, Object> corrected = body(d);
        corrected.put("currentTitleDate", LocalDate.of(2024, 1, 1).toString());
        ResponseEntity<Map<String, Object>> r = me.post("/api/applications/" + id + "/resubmit", corrected);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody()).containsEntry("error", "INELIGIBLE_AFTER_CHANGE");
        assertThat((String) r.getBody().get("message")).contains("年");
        assertThat(me.get("/api/applications/" + id).getBody()).containsEntry("status", "RETURNED");
        assertThat(me.get("/api/applications/" + id + "/dossier").getBody())
                .containsEntry("currentTitleDate", "2015-01-01");
        assertThat(me.post("/api/applications/" + id + "/withdraw", null).getBody())
                .containsEntry("status", "WITHDRAWN");
    }

    private void returnedByTheUnit(String applicationId) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(task,
                Map.of(Vars.DECISION, "RETURN", Vars.COMMENT, "请核对参加工作时间", Vars.ATTESTED, false)));
    }
}
