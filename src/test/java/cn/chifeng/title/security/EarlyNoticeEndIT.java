package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.publicity.PublicityService;
import cn.chifeng.title.support.TestUsers;

/**
 * A notice runs its whole period: nobody — an administrator included — ends it early by executing its timer from
 * Cockpit or REST, moves the timer's due date, or modifies or deletes its instance; the period's own end (the
 * system) still closes it.
 */
class EarlyNoticeEndIT extends SecurityTestBase {
    @Autowired
    PublicityService publicity;

    @Test
    void nobodyExecutesANoticesTimerBeforeItIsDueOrMovesIt() {
        ApplicationRecord a = submitted(users.applicant("early-" + System.nanoTime()));
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(a.id()).singleResult();
        users.as(users.reviewer("unit-nc-hospital"), () -> engine.getTaskService().complete(task.getId(), Map.of(
                "decision", "APPROVE", "comment", "同意", "attested", true)));
        var notice = users.api(users.reviewer("unit-nc-hospital"), () -> publicity.publish("UNIT_NOMINEES",
                List.of(a.id()), null, null, null));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(notice.processInstanceId())
                .timers().singleResult();

        ResponseEntity<String> execute = http().as(TestUsers.ADMIN).json().post("/engine-rest/job/" + timer.getId()
                + "/execute", Map.of());
        ResponseEntity<String> move = http().as(TestUsers.ADMIN).json().put("/engine-rest/job/" + timer.getId()
                + "/duedate", Map.of("duedate", "2025-06-10T11:00:00.000+0800"));
        ResponseEntity<String> recalculate = http().as(TestUsers.ADMIN).json().post("/engine-rest/job/"
                + timer.getId() + "/duedate/recalculate", Map.of());

        assertThat(execute.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(execute.getBody()).contains("公示期未满").contains("不能提前结束公示");
        assertThat(move.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(recalculate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Job still = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(still).as("the notice runs on").isNotNull();
        assertThat(still.getDuedate()).isEqualTo(timer.getDuedate());
        ResponseEntity<String> modify = http().as(TestUsers.ADMIN).json().post("/engine-rest/process-instance/"
                + notice.processInstanceId() + "/modification", Map.of("instructions", List.of(Map.of("type",
                "cancel", "activityId", cn.chifeng.title.process.PublicityProcess.TIMER_PUBLICITY_END))));
        ResponseEntity<String> delete = http().as(TestUsers.ADMIN).send(org.springframework.http.HttpMethod.DELETE,
                "/engine-rest/process-instance/" + notice.processInstanceId(), null);
        assertThat(modify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(delete.getBody()).contains("公示进行中");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(
                notice.processInstanceId()).count()).isEqualTo(1);

        // its own end, run by the system, closes it
        engine.getManagementService().executeJob(timer.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(
                notice.processInstanceId()).count()).isZero();
    }
}
