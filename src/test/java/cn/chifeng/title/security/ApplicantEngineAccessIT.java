package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.TestUsers;
import cn.chifeng.title.support.WebappLogin;

/**
 * Attack: an applicant uses the engine directly — starts {@code title-application} with made-up variables, changes
 * the variables of or moves their own instance, reads or changes their own engine account, logs in to the
 * webapps. Every engine door answers 403 and nothing changes; the product's API still serves them.
 */
@Tag("postgres")
class ApplicantEngineAccessIT extends SecurityTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    cn.chifeng.title.credit.CreditArchive credit;

    @Test
    void anApplicantHoldsNoEngineAuthorizationAtAll() {
        String applicant = unique("bare");
        submitted(applicant);

        var authorizations = engine.getAuthorizationService();
        assertThat(authorizations.createAuthorizationQuery().userIdIn(applicant).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.APPLICANTS).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery()
                .authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL).list())
                .as("a global grant reaches every user, applicants included").isEmpty();
    }

    @Test
    void aForgedInstanceAgainstSomeoneElsesApplicationIsRefused() {
        String applicant = unique("forger");
        ApplicationRecord victim = submitted(unique("victim"));
        users.applicant(applicant);
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
        int violations = credit.count(victim.idNumber());

        ResponseEntity<String> start = http().as(applicant).json().post(
                "/engine-rest/process-definition/key/title-application/start", Map.of("variables", Map.of(
                        "applicationId", Map.of("value", victim.id()), "lastDecision", Map.of("value", "FRAUD"))));
        ResponseEntity<String> cancel = http().as(applicant).json().post("/engine-rest/message", Map.of(
                "messageName", "ApplicationWithdrawn", "processInstanceId", victim.processInstanceId()));

        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Http.map(start).get("message").toString()).contains("申报人");
        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(reread(victim).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(credit.count(victim.idNumber())).as("the credit archive").isEqualTo(violations);
    }

    @Test
    void anApplicantCannotWriteVariablesOfOrModifyTheirOwnInstance() {
        String applicant = unique("self-approver");
        ApplicationRecord a = submitted(applicant);
        String pid = a.processInstanceId();
        Map<String, Object> before = variables(a);

        ResponseEntity<String> variable = http().as(applicant).json().put("/engine-rest/process-instance/" + pid
                + "/variables/lastDecision", Map.of("value", "APPROVE"));
        ResponseEntity<String> modification = http().as(applicant).json().post("/engine-rest/process-instance/" + pid
                + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "EndEvent_Passed"))));
        ResponseEntity<String> read = http().as(applicant).get("/engine-rest/process-instance/" + pid + "/variables");

        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(modification.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variables(a)).isEqualTo(before);
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_UnitReview");
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void evenTheirOwnEngineAccountIsClosedToThem() {
        String applicant = unique("own-account");
        users.applicant(applicant);

        ResponseEntity<String> profile = http().as(applicant).get("/engine-rest/user/" + applicant + "/profile");
        ResponseEntity<String> password = http().as(applicant).json().put("/engine-rest/user/" + applicant
                + "/credentials", Map.of("password", "changed-by-me-1", "authenticatedUserPassword",
                TestUsers.PASSWORD));

        assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(password.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getIdentityService().checkPassword(applicant, TestUsers.PASSWORD)).isTrue();
    }

    @Test
    void anApplicantCannotLogInToAnyWebapp() {
        String applicant = unique("webapp");
        users.applicant(applicant);

        for (String app : List.of("welcome", "tasklist", "cockpit")) {
            WebappLogin.Result login = WebappLogin.login(rest, applicant, TestUsers.PASSWORD, app);
            assertThat(login.response().getStatusCode()).as(app).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> api = http().header("Cookie", login.cookieHeader())
                    .get("/camunda/api/engine/engine/default/task");
            assertThat(api.getStatusCode().value()).as(app).isIn(401, 403);
        }
        assertThat(WebappLogin.login(rest, applicant, "wrong", "welcome").response().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theProductsApiStillServesThem() {
        String applicant = unique("served");
        ApplicationRecord a = submitted(applicant);

        ResponseEntity<String> mine = http().as(applicant).get("/api/applications/" + a.id());
        ResponseEntity<String> withdraw = http().as(applicant).json().send(HttpMethod.POST,
                "/api/applications/" + a.id() + "/withdraw", null);

        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdraw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }
}
