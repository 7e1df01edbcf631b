package cn.chifeng.title.committee;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.notification.NotificationOutbox;
import cn.chifeng.title.support.Api;
import cn.chifeng.title.support.Dossiers;
import cn.chifeng.title.support.IntegrationTestBase;

/** SEA-5, EVA-8: evaluations unfinished at the evaluation close are reported unless a postponement was filed. */
class EvaluationCloseIT extends IntegrationTestBase {
    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TestRestTemplate http;

    /** An application of the season waiting for the committee's evaluation (construction, city). */
    private ApplicationRecord awaitingEvaluation(int season) {
        String applicant = users.applicant("evaluation-" + System.nanoTime());
        ApplicationRecord a = users.api(applicant, () -> applications.submit(dossier().season(season)
                .employer(Dossiers.CITY_DESIGN, "赤峰市建筑勘察设计院", "PUBLIC_INSTITUTION", "CITY", "songshan",
                        "city-industry").series("CONSTRUCTION_ENGINEERING").targetLevel("ASSISTANT").build()));
        for (int i = 0; i < 3; i++) {
            Task t = tasks.createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
            String group = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                    .findFirst().orElseThrow().getGroupId();
            users.as(users.reviewer(group), () -> tasks.complete(t.getId(), Map.of(Vars.DECISION, "APPROVE",
                    Vars.ATTESTED, true)));
            notices.passIfWaiting(a.processInstanceId());
        }
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(a.processInstanceId())
                .activityId(cn.chifeng.title.process.TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION).count())
                .isEqualTo(1);
        return a;
    }

    private Job evaluationCloseTimer(ApplicationRecord a) {
        return engine.getManagementService().createJobQuery().processInstanceId(a.processInstanceId())
                .activityId("Timer_EvaluationClose").singleResult();
    }

    @Test
    void anUnfinishedEvaluationWithoutPostponementIsReportedToTheCityBureau() {
        users.reviewer("city-hr");
        ApplicationRecord a = awaitingEvaluation(2025);
        Job timer = evaluationCloseTimer(a);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2025-09-30T16:00:00Z"));

        engine.getManagementService().executeJob(timer.getId());

        assertThat(outbox.ofApplication(a.id())).filteredOn(n -> n.event().equals("EVALUATION_OVERDUE"))
                .extracting(cn.chifeng.title.notification.Notification::recipientUser).contains("city-hr");
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(a.processInstanceId())
                .activityId(cn.chifeng.title.process.TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION).count())
                .as("still waiting for its session").isEqualTo(1);
    }
}
