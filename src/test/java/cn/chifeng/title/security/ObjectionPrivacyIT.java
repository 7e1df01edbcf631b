package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.publicity.PublicityService;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.TestUsers;

/**
 * Attack: read who objected to a notice, and what they wrote — as the person objected to, as another body, as the
 * city HR bureau through the engine. Only the investigating body and administrators see it; a notice shows only
 * what it publishes.
 */
@Tag("postgres")
class ObjectionPrivacyIT extends SecurityTestBase {
    private static final String TEXT = "该申报人的论文系他人代写，本人可提供证据";

    @Autowired
    PublicityService publicity;

    private ApplicationRecord a;
    private String applicant;
    private String publicationId;
    private String objector;

    /** The unit's nominee notice (REV-1) of one application, with one objection about its materials. */
    @BeforeEach
    void aNoticeWithAnObjection() {
        applicant = unique("objected");
        a = submitted(applicant);
        Map<String, Object> unitApproval = Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true);
        users.as(users.reviewer("unit-nc-hospital"), () -> engine.getTaskService().complete(task(a).getId(),
                unitApproval));
        publicationId = users.api(users.reviewer("unit-nc-hospital"), () -> publicity.publish("UNIT_NOMINEES",
                List.of(a.id()), null, null, null)).id();
        objector = users.applicant(unique("objector"));
        ResponseEntity<String> filed = http().as(objector).json().post("/api/publications/" + publicationId
                + "/objections", Map.of("applicationId", a.id(), "about", "MATERIALS", "text", TEXT));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private Map<String, Object> notice(String user) {
        ResponseEntity<String> r = http().as(user).get("/api/publications/" + publicationId);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).as(user).satisfiesAnyOf(b -> assertThat(b).doesNotContain(TEXT),
                b -> assertThat(user).isIn("unit-nc-hospital", TestUsers.ADMIN));
        return Http.map(r);
    }

    @Test
    void thePersonObjectedToSeesThatThereIsAnObjectionButNotWhoOrWhat() {
        Map<String, Object> seen = notice(applicant);

        assertThat(seen).doesNotContainKey("objections").containsEntry("objectionCount", 1);
        assertThat(seen.toString()).doesNotContain(objector).doesNotContain(TEXT);
        assertThat(seen.get("applicationIds")).isEqualTo(List.of(a.id()));
    }

    @Test
    void anotherBodySeesNothingOfIt() {
        Map<String, Object> seen = notice(users.reviewer("hongshan-hr"));
        assertThat(seen).doesNotContainKey("objections");
        assertThat(seen.toString()).doesNotContain(objector);
    }

    @Test
    void theInvestigatingBodyAndAdministratorsSeeItWhole() {
        for (String user : List.of(users.reviewer("unit-nc-hospital"), TestUsers.ADMIN)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> objections = (List<Map<String, Object>>) notice(user).get("objections");
            assertThat(objections).as(user).singleElement().satisfies(o -> assertThat(o)
                    .containsEntry("text", TEXT).containsEntry("filedBy", objector));
        }
    }

    @Test
    void anObjectionOverTheLimitIsA400AndNotFiled() {
        ResponseEntity<String> r = http().as(objector).json().post("/api/publications/" + publicationId
                + "/objections", Map.of("applicationId", a.id(), "about", "MATERIALS", "text", "异".repeat(4001)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"field\":\"text\"", "不能超过2000个字");
        assertThat(notice(TestUsers.ADMIN)).containsEntry("objectionCount", 1);
    }

    @Test
    void theCityHrBureauCannotReadItThroughTheEngine() {
        String cityHr = users.reviewer("city-hr");
        String publicityInstance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(publicationId).singleResult().getId();

        ResponseEntity<String> tasks = http().as(cityHr).get("/engine-rest/task?processDefinitionKey=publicity");
        ResponseEntity<String> variables = http().as(cityHr).get("/engine-rest/process-instance/"
                + publicityInstance + "/variables");
        ResponseEntity<String> history = http().as(cityHr).get("/engine-rest/history/variable-instance"
                + "?processInstanceId=" + publicityInstance);

        assertThat(Http.list(tasks)).isEmpty();
        assertThat(variables.getStatusCode().value()).isIn(403, 404);
        assertThat(history.getBody()).doesNotContain(TEXT);
        // while the applications themselves are the city HR bureau's to read
        assertThat(http().as(cityHr).get("/engine-rest/process-instance/" + a.processInstanceId()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
