package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.TestUsers;

/**
 * Attack (or accident): bodies the API was not written for — a multipart without a boundary, an over-long file name
 * or text, wrong types, names of only invisible or control characters, booleans as numbers, impossible dates. Each
 * is a 400 naming the field, never a 500, and nothing is stored.
 */
class BadInputIT extends SecurityTestBase {
    @Autowired
    ObjectMapper json;

    @SuppressWarnings("unchecked")
    private Map<String, Object> dossierWith(String field, Object value) {
        Map<String, Object> b = json.convertValue(dossier().build(), Map.class);
        b.put(field, value);
        return b;
    }

    private void refusedNamingTheField(String applicant, Map<String, Object> body, String field) {
        long before = register.count(new cn.chifeng.title.application.ApplicationRepository.Filter(null, null, null, false, applicant, List.of()));
        ResponseEntity<String> r = http().as(applicant).json().post("/api/applications", body);

        assertThat(r.getStatusCode()).as(field + ": " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Http.map(r).get("errors");
        assertThat(errors).as(r.getBody()).extracting(e -> e.get("field")).contains(field);
        assertThat(register.count(new cn.chifeng.title.application.ApplicationRepository.Filter(null, null, null, false, applicant, List.of()))).isEqualTo(before);
    }

    @Test
    void typesNamesAndDatesThatCannotBeAreRefusedByField() {
        String applicant = users.applicant(unique("bad-input"));

        refusedNamingTheField(applicant, dossierWith("continuingEducationDone", 1), "continuingEducationDone");
        refusedNamingTheField(applicant, dossierWith("season", "2025"), "season");
        refusedNamingTheField(applicant, dossierWith("season", 2025.5), "season");
        refusedNamingTheField(applicant, dossierWith("name", "\u200b\u200b\u3000"), "name");
        refusedNamingTheField(applicant, dossierWith("name", "王\u0007芳"), "name");
        refusedNamingTheField(applicant, dossierWith("specialty", "临".repeat(101)), "specialty");
        refusedNamingTheField(applicant, dossierWith("graduationDate", "0001-01-01"), "graduationDate");
        refusedNamingTheField(applicant, dossierWith("workStartDate", "2019-02-30"), "workStartDate");
        refusedNamingTheField(applicant, dossierWith("currentTitleDate", "2025-07-20"), "currentTitleDate");
        refusedNamingTheField(applicant, dossierWith("serviceHistory", "everywhere"), "serviceHistory");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400() {
        String applicant = users.applicant(unique("bad-query"));
        ResponseEntity<String> r = http().as(applicant).get("/api/applications?page=abc");

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"field\":\"page\"");
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsA400() {
        String applicant = unique("no-boundary");
        ApplicationRecord a = submitted(applicant);

        ResponseEntity<String> r = http().as(applicant).header("Content-Type", "multipart/form-data")
                .post("/api/applications/" + a.id() + "/materials", "--x\r\nnot a part\r\n");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"field\":\"file\"");
        assertThat(http().as(applicant).get("/api/applications/" + a.id() + "/materials").getBody())
                .contains("\"materials\":[]");
    }

    @Test
    void anOverlongFileNameIsA400() {
        String applicant = unique("long-name");
        ApplicationRecord a = submitted(applicant);
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(applicant, TestUsers.PASSWORD);
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("item", "EDUCATION");
        parts.add("file", new ByteArrayResource(BrowserSafetyIT.PDF) {
            @Override
            public String getFilename() {
                return "证".repeat(400) + ".pdf";
            }
        });

        ResponseEntity<String> r = rest.exchange("/api/applications/" + a.id() + "/materials", HttpMethod.POST,
                new HttpEntity<>(parts, h), String.class);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"field\":\"file\"", "文件名不能超过200个字");
        assertThat(http().as(applicant).get("/api/applications/" + a.id() + "/materials").getBody())
                .contains("\"materials\":[]");
    }

    @Test
    void aTrailLongerThanAStringVariableStillMovesOn() throws Exception {
        String applicant = unique("long-trail");
        ApplicationRecord a = submitted(applicant);
        String unit = users.reviewer("unit-nc-hospital");
        for (int i = 0; i < 3; i++) {
            String taskId = task(a).getId();
            users.as(unit, () -> engine.getTaskService().complete(taskId, Map.of(Vars.DECISION, "RETURN",
                    Vars.COMMENT, "请补充".repeat(600))));
            users.api(applicant, () -> applications.resubmit(a.id()));
        }
        approve(a);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trail = json.readValue(engine.getRuntimeService()
                .getVariableTyped(a.processInstanceId(), "reviewTrail", true).getValue().toString(), List.class);
        assertThat(trail).hasSize(4);
        assertThat(trail.toString().length()).isGreaterThan(5000);
        assertThat(trail.get(3)).containsEntry("stage", "单位审核").containsEntry("decision", "通过（内容属实）");
        assertThat(task(a).getTaskDefinitionKey()).isNotEqualTo("Task_UnitReview");
    }

    @Test
    void anOverlongTextIsA400NotAnEngineFailure() {
        String cityHr = users.reviewer("city-hr");
        ApplicationRecord a = atTheCountyBureau(unique("long-text"));

        ResponseEntity<String> r = http().as(cityHr).json().post("/api/applications/" + a.id()
                + "/spot-check-return", Map.of("comment", "查".repeat(4001)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"field\":\"comment\"");
        assertThat(reread(a).status()).isEqualTo(a.status());
    }
}
