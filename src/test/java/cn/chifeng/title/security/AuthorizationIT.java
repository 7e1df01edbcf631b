package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;
import cn.chifeng.title.support.WebappLogin;

/** Each organisation sees and completes only its own tasks, through {@code /engine-rest} as in Tasklist. */
@Tag("postgres")
class AuthorizationIT extends IntegrationTestBase {
    private static final String VARIABLES = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
            + "\"attested\":{\"value\":true}}}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationService applications;

    private String ningchengTask;
    private String processInstanceId;

    /** A 宁城县 application waiting at 宁城县人社局. */
    @BeforeEach
    void ningchengApplicationAtTheCountyBureau() {
        String applicant = users.applicant("auth-applicant-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().build()));
        processInstanceId = a.processInstanceId();
        for (String group : List.of("unit-nc-hospital", "ningcheng-health")) {
            String task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                    .singleResult().getId();
            users.as(users.reviewer(group), () -> engine.getTaskService().complete(task,
                    Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
            notices.passIfWaiting(processInstanceId);
        }
        ningchengTask = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .singleResult().getId();
        users.reviewer("hongshan-hr");
        users.reviewer("ningcheng-hr");
    }

    @Test
    void aHongshanReviewerCannotListReadOrCompleteANingchengTask() {
        Api hongshan = new Api(http, "hongshan-hr");

        List<Map<String, Object>> listed = hongshan.getList("/engine-rest/task?processInstanceId=" + processInstanceId)
                .getBody();
        assertThat(listed).isEmpty();
        assertThat(hongshan.get("/engine-rest/task/" + ningchengTask).getStatusCode().value()).isIn(403, 404);
        assertThat(hongshan.get("/engine-rest/task/" + ningchengTask + "/variables").getStatusCode().value())
                .isIn(403, 404);
        ResponseEntity<String> complete = hongshan.raw(HttpMethod.POST, "/engine-rest/task/" + ningchengTask
                + "/complete", json(VARIABLES));
        assertThat(complete.getStatusCode().value()).isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(ningchengTask).count()).isEqualTo(1);
    }

    @Test
    void theNingchengReviewerSeesAndCompletesItThroughTheRestApi() {
        Api ningcheng = new Api(http, "ningcheng-hr");

        assertThat(ningcheng.getList("/engine-rest/task?processInstanceId=" + processInstanceId).getBody())
                .extracting(t -> t.get("id")).containsExactly(ningchengTask);
        ResponseEntity<String> complete = ningcheng.raw(HttpMethod.POST, "/engine-rest/task/" + ningchengTask
                + "/complete", json(VARIABLES));
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(notices.passIfWaiting(processInstanceId)).as("the county roster notice (REV-3)").isTrue();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_CityHrReview");
    }

    @Test
    void completingThroughRestStillEnforcesTheFormRules() {
        Api ningcheng = new Api(http, "ningcheng-hr");
        ResponseEntity<String> r = ningcheng.raw(HttpMethod.POST, "/engine-rest/task/" + ningchengTask + "/complete",
                json("{\"variables\":{\"decision\":{\"value\":\"RETURN\"}}}"));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("\"message\":\"审核结论为“退回修改”时必须填写审核意见\"")
                .doesNotContain("ENGINE-").doesNotContain("Cannot complete");
        assertThat(engine.getTaskService().createTaskQuery().taskId(ningchengTask).count()).isEqualTo(1);
    }

    @Test
    void anApplicantGetsNothingFromTheEngineApi() {
        Api other = new Api(http, users.applicant("curious-" + System.nanoTime()));
        assertThat(other.raw(HttpMethod.GET, "/engine-rest/process-instance?processInstanceIds=" + processInstanceId,
                null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.raw(HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theEngineApiRefusesAnonymousCalls() {
        ResponseEntity<String> r = new Api(http, null).raw(HttpMethod.GET, "/engine-rest/task", null);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAdminSetupPageIsClosedOnceAnAdministratorExists() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
                new HttpEntity<>("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                        + "\"credentials\":{\"password\":\"secret123456\"}}", h), String.class);

        assertThat(r.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void aReviewerLogsInToTasklistButNotToCockpit() {
        assertThat(login("ningcheng-hr", "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(login("ningcheng-hr", "cockpit").is2xxSuccessful()).isFalse();
        assertThat(login(TestUsers.ADMIN, "cockpit")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSupervisorReadsInCockpitAndChangesNothing() {
        String supervisor = users.user("supervisor-" + System.nanoTime(), Roles.SUPERVISORS);
        assertThat(login(supervisor, "cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(login(supervisor, "admin").is2xxSuccessful()).isFalse();
        assertThat(login(supervisor, "tasklist").is2xxSuccessful()).isFalse();

        Api api = new Api(http, supervisor);
        assertThat(api.raw(HttpMethod.GET, "/engine-rest/process-instance/" + processInstanceId, null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.raw(HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceId="
                + processInstanceId, null).getBody()).contains(processInstanceId);
        assertThat(api.raw(HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId
                + "/variables/routeIndex", json("{\"value\": 9}")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.raw(HttpMethod.POST, "/engine-rest/task/" + ningchengTask + "/complete", json(VARIABLES))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(ningchengTask).count()).isEqualTo(1);
    }

    private org.springframework.http.HttpStatusCode login(String user, String app) {
        return WebappLogin.login(http, user, TestUsers.PASSWORD, app).response().getStatusCode();
    }

    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
