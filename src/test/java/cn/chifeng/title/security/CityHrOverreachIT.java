package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.support.Http;

/**
 * Attack: the city HR bureau, which reads every application of the city, writes variables of, modifies, suspends
 * or deletes one. It reads; it acts only through its own tasks and the spot-check return of the API.
 */
@Tag("postgres")
class CityHrOverreachIT extends SecurityTestBase {
    private ApplicationRecord a;
    private String cityHr;

    @BeforeEach
    void anApplicationElsewhere() {
        a = atTheCountyBureau(unique("city-target"));
        cityHr = users.reviewer("city-hr");
    }

    @Test
    void itReadsTheApplicationAndItsTasks() {
        assertThat(http().as(cityHr).get("/engine-rest/process-instance/" + a.processInstanceId())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(names(Http.list(http().as(cityHr).get("/engine-rest/task?processInstanceId="
                + a.processInstanceId())), "id")).containsExactly(task(a).getId());
        assertThat(http().as(cityHr).get("/api/applications/" + a.id()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void itCannotWriteVariablesModifySuspendOrDelete() {
        String pid = a.processInstanceId();
        Map<String, Object> before = variables(a);
        String taskBefore = task(a).getId();

        assertThat(http().as(cityHr).json().put("/engine-rest/process-instance/" + pid + "/variables/routeIndex",
                Map.of("value", 9)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(cityHr).json().post("/engine-rest/process-instance/" + pid + "/variables",
                Map.of("modifications", Map.of("currentStage", Map.of("value", "COMMITTEE_OFFICE"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(cityHr).json().post("/engine-rest/process-instance/" + pid + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_CountyHrReview"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(cityHr).json().put("/engine-rest/process-instance/" + pid + "/suspended",
                Map.of("suspended", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http().as(cityHr).send(HttpMethod.DELETE, "/engine-rest/process-instance/" + pid, null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(variables(a)).isEqualTo(before);
        assertThat(task(a).getId()).isEqualTo(taskBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).active().count())
                .isEqualTo(1);
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void itCannotCompleteAnotherBodysTask() {
        assertThat(http().as(cityHr).json().post("/engine-rest/task/" + task(a).getId() + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.ATTESTED, Map.of("value", true))))
                .getStatusCode().value()).isIn(403, 404);
        assertThat(task(a).getTaskDefinitionKey()).isEqualTo("Task_CountyHrReview");
    }

    @Test
    void theSpotCheckReturnOfTheApiIsItsWayToAct() {
        assertThat(http().as(cityHr).json().post("/api/applications/" + a.id() + "/spot-check-return",
                Map.of("comment", "抽查发现业绩材料与线上不一致")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reread(a).status()).isEqualTo(ApplicationStatus.RETURNED);
    }
}
