package cn.chifeng.title.material;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
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

import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/** Materials (APP-5, APP-6, SEA-7): upload with checks and SHA-256, checklist, downloads by the route's reviewers. */
@Tag("postgres")
class MaterialsIT extends IntegrationTestBase {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;

    private String applicant;

    private String submit() {
        applicant = users.applicant("materials-" + System.nanoTime());
        return (String) new Api(http, applicant).post("/api/applications", json.convertValue(dossier().build(),
                Map.class)).getBody().get("applicationId");
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String id, String item, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("item", item);
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        h.setBasicAuth(user, TestUsers.PASSWORD);
        return http.exchange("/api/applications/" + id + "/materials", HttpMethod.POST, new HttpEntity<>(parts, h),
                new ParameterizedTypeReference<>() { });
    }

    @Test
    void aPdfIsStoredWithItsSha256AndTheChecklistShowsWhatIsMissing() throws Exception {
        String id = submit();

        ResponseEntity<Map<String, Object>> r = upload(applicant, id, "EDUCATION", "学历证书.pdf", PDF);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(r.getBody()).containsEntry("sha256", sha).containsEntry("contentType", "application/pdf")
                .containsEntry("fileName", "学历证书.pdf");
        Map<String, Object> list = new Api(http, applicant).get("/api/applications/" + id + "/materials").getBody();
        assertThat((List<String>) list.get("missing")).contains("ID_CARD", "CURRENT_TITLE").doesNotContain("EDUCATION");
        assertThat((List<?>) list.get("materials")).hasSize(1);
    }

    @Test
    void aReviewerOfTheRouteDownloadsTheFileAndAnotherCountyCannot() {
        String id = submit();
        long materialId = ((Number) upload(applicant, id, "ID_CARD", "id.pdf", PDF).getBody().get("id")).longValue();

        HttpHeaders unit = new HttpHeaders();
        unit.setBasicAuth(users.reviewer("unit-nc-hospital"), TestUsers.PASSWORD);
        ResponseEntity<byte[]> file = http.exchange("/api/applications/" + id + "/materials/" + materialId,
                HttpMethod.GET, new HttpEntity<>(unit), byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getBody()).isEqualTo(PDF);

        HttpHeaders other = new HttpHeaders();
        other.setBasicAuth(users.reviewer("hongshan-hr"), TestUsers.PASSWORD);
        assertThat(http.exchange("/api/applications/" + id + "/materials/" + materialId, HttpMethod.GET,
                new HttpEntity<>(other), byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyPdfJpgAndPngByContentAndOnlyChecklistItems() {
        String id = submit();
        ResponseEntity<Map<String, Object>> exe = upload(applicant, id, "EDUCATION", "证书.pdf",
                "MZ this is not a pdf".getBytes(StandardCharsets.US_ASCII));
        assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) exe.getBody().get("errors")).extracting(m -> m.get("field"))
                .containsExactly("file");
        assertThat(upload(applicant, id, "PRACTICE_LICENSE", "x.pdf", PDF).getStatusCode())
                .as("卫生 only").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload(users.reviewer("unit-nc-hospital"), id, "EDUCATION", "x.pdf", PDF).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void afterTheApplicationCloseOnlyAReturnedApplicationTakesMaterialsUntilTheReviewClose() {
        String id = submit();
        clock.set(LocalDateTime.of(2025, 6, 28, 9, 0));
        assertThat(upload(applicant, id, "EDUCATION", "late.pdf", PDF).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        String task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
        users.as(users.reviewer("unit-nc-hospital"), () -> tasks.complete(task,
                Map.of(Vars.DECISION, "RETURN", Vars.COMMENT, "线上线下学历证书不一致", Vars.ATTESTED, false)));
        assertThat(upload(applicant, id, "EDUCATION", "fixed.pdf", PDF).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        clock.set(LocalDateTime.of(2025, 7, 3, 9, 0));
        assertThat(upload(applicant, id, "EDUCATION", "too-late.pdf", PDF).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
