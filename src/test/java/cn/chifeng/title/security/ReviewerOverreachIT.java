package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.Http;

/**
 * Attack: a reviewer completing their own task sends more than the form asks — a route index that skips stages,
 * another application's id, the current stage — or acts on the instance beside the form: writes variables,
 * throws a BPMN error or escalation, correlates a message, sends a signal, executes or moves a job. Refused with
 * the refusal named, and nothing moves.
 */
@Tag("postgres")
class ReviewerOverreachIT extends SecurityTestBase {
    private ApplicationRecord a;
    private ApplicationRecord stranger;
    private String taskId;
    private String reviewer;

    @BeforeEach
    void anApplicationAtTheCountyBureau() {
        a = atTheCountyBureau(unique("overreach"));
        stranger = submitted(unique("stranger"));
        taskId = task(a).getId();
        reviewer = users.reviewer("ningcheng-hr");
    }

    private ResponseEntity<String> complete(String how, Map<String, Object> variables) {
        return http().as(reviewer).json().post("/engine-rest/task/" + taskId + "/" + how,
                Map.of("variables", variables));
    }

    private static Map<String, Object> approveWith(String name, Object value) {
        return Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.ATTESTED, Map.of("value", true),
                name, Map.of("value", value));
    }

    @Test
    void aRouteIndexThatSkipsStagesIsRefused() {
        Object routeIndex = variables(a).get("routeIndex");

        ResponseEntity<String> r = complete("complete", approveWith("routeIndex", 9));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Http.map(r).get("message")).isEqualTo("不能设置“routeIndex”：该任务的表单中没有这一项，办理任务只能填写表单中的内容");
        assertThat(task(a).getId()).isEqualTo(taskId);
        assertThat(variables(a).get("routeIndex")).isEqualTo(routeIndex);
    }

    @Test
    void anotherApplicationsIdIsRefusedThroughEveryCompletion() {
        for (String how : new String[] {"complete", "submit-form", "resolve"}) {
            ResponseEntity<String> r = complete(how, approveWith("applicationId", stranger.id()));
            assertThat(r.getStatusCode()).as(how).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(Http.map(r).get("message").toString()).as(how).contains("applicationId");
        }
        assertThat(variables(a).get("applicationId")).isEqualTo(a.id());
        assertThat(reread(stranger).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(task(a).getId()).isEqualTo(taskId);
    }

    @Test
    void aValueTheFormDoesNotOfferOrOfTheWrongTypeIsRefused() {
        ResponseEntity<String> decision = complete("submit-form", Map.of(Vars.DECISION, Map.of("value", "SKIP_ALL"),
                Vars.ATTESTED, Map.of("value", true)));
        ResponseEntity<String> attested = complete("submit-form", Map.of(Vars.DECISION, Map.of("value", "APPROVE"),
                Vars.ATTESTED, Map.of("value", "yes")));
        ResponseEntity<String> longComment = complete("submit-form", Map.of(Vars.DECISION, Map.of("value", "RETURN"),
                Vars.COMMENT, Map.of("value", "很".repeat(2001))));

        assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Http.map(decision).get("message").toString()).contains("“审核结论”的取值“SKIP_ALL”无效", "通过（APPROVE）");
        assertThat(attested.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Http.map(longComment).get("message").toString()).contains("最多 2000 个字");
        assertThat(task(a).getId()).isEqualTo(taskId);
    }

    @Test
    void aRefusedRuleIsAPlainChineseMessage() {
        ResponseEntity<String> r = complete("submit-form", Map.of(Vars.DECISION, Map.of("value", "RETURN")));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Http.map(r).get("message")).isEqualTo("审核结论为“退回修改”时必须填写审核意见");
        assertThat(task(a).getId()).isEqualTo(taskId);
    }

    @Test
    void theFormsOwnFieldsStillComplete() {
        ResponseEntity<String> r = complete("submit-form", Map.of(Vars.DECISION, Map.of("value", "APPROVE"),
                Vars.COMMENT, Map.of("value", "同意"), Vars.ATTESTED, Map.of("value", true)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void variablesBesideTheFormAreRefused() {
        Map<String, Object> before = variables(a);
        String pid = a.processInstanceId();

        assertThat(http().as(reviewer).json().put("/engine-rest/task/" + taskId + "/variables/routeIndex",
                Map.of("value", 9)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().post("/engine-rest/task/" + taskId + "/variables",
                Map.of("modifications", Map.of("currentStage", Map.of("value", "COMMITTEE_OFFICE"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().put("/engine-rest/process-instance/" + pid + "/variables/routeIndex",
                Map.of("value", 9)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(variables(a)).isEqualTo(before);
    }

    @Test
    void errorsEscalationsMessagesSignalsAndJobsAreTheProductsAlone() {
        String pid = a.processInstanceId();
        var jobs = engine.getManagementService().createJobQuery().processInstanceId(pid).list();
        assertThat(jobs).as("the review-close timers").isNotEmpty();
        var job = jobs.get(0);

        assertThat(http().as(reviewer).json().post("/engine-rest/task/" + taskId + "/bpmnError",
                Map.of("errorCode", "any")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().post("/engine-rest/task/" + taskId + "/bpmnEscalation",
                Map.of("escalationCode", "any")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().post("/engine-rest/message", Map.of("messageName",
                "SpotCheckReturn", "processInstanceId", pid)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().post("/engine-rest/signal", Map.of("name", "any"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().post("/engine-rest/job/" + job.getId() + "/execute", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(reviewer).json().put("/engine-rest/job/" + job.getId() + "/duedate",
                Map.of("duedate", "2025-06-11T00:00:00.000+0800")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(task(a).getId()).isEqualTo(taskId);
        assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate())
                .isEqualTo(job.getDuedate());
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void nobodyReviewsTheirOwnApplication() {
        // an applicant account that later became a reviewer of the unit its own application waits at
        String person = unique("became-reviewer");
        ApplicationRecord own = submitted(person);
        engine.getIdentityService().deleteMembership(person, Roles.APPLICANTS);
        users.user(person, "unit-nc-hospital");
        String ownTask = task(own).getId();

        ResponseEntity<String> r = http().as(person).json().post("/engine-rest/task/" + ownTask + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.ATTESTED, Map.of("value", true))));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Http.map(r).get("message")).isEqualTo("不能审核本人的申报");
        assertThat(task(own).getId()).isEqualTo(ownTask);
        // a colleague of the unit may
        users.as(users.reviewer("unit-nc-hospital"), () -> engine.getTaskService().complete(ownTask,
                Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
        assertThat(engine.getTaskService().createTaskQuery().taskId(ownTask).count()).isZero();
    }

    @Test
    void aReviewerWhoIsAlsoAnApplicantCannotActOnTheEngine() {
        String both = users.user(unique("reviewer-applicant"), "ningcheng-hr");
        users.applicant(both);

        ResponseEntity<String> r = http().as(both).json().post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.ATTESTED, Map.of("value", true))));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(task(a).getId()).isEqualTo(taskId);
    }
}
