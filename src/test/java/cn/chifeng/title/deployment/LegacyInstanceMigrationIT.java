package cn.chifeng.title.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * An existing database keeps working: an instance of the 2025.1 model waiting at the placeholder user task
 * {@code Task_CommitteeEvaluation} is moved at start-up to {@code Receive_CommitteeEvaluation} of the latest model,
 * keeping its id and variables, with its evaluation-close timer, and the task gone.
 */
class LegacyInstanceMigrationIT extends IntegrationTestBase {
    @Autowired
    LegacyInstanceMigration migration;

    @Test
    void anInstanceAtTheOldCommitteeTaskWaitsForItsSessionOnTheLatestVersion() {
        var repository = engine.getRepositoryService();
        String latest = repository.createProcessDefinitionQuery().processDefinitionKey(TitleApplicationProcess.KEY)
                .latestVersion().singleResult().getId();
        var deployment = repository.createDeployment().name("legacy-2025.1")
                .addClasspathResource("legacy/title-application-2025.1.bpmn")
                .addClasspathResource("legacy/committee-evaluation.form").deploy();
        String legacy = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult()
                .getId();
        String currentAgain = null;
        try {
            // the legacy version is the latest now: make the current model the latest again afterwards
            ProcessInstance old = engine.getRuntimeService().createProcessInstanceById(legacy)
                    .startBeforeActivity(TitleApplicationProcess.LEGACY_TASK_COMMITTEE_EVALUATION)
                    .setVariables(Map.of(TitleApplicationProcess.Vars.APPLICATION_ID, "CF2025-LEGACY",
                            TitleApplicationProcess.Vars.SEASON, 2025,
                            TitleApplicationProcess.Vars.SERIES, "ENGINEERING",
                            TitleApplicationProcess.Vars.COMMITTEE_GROUP, "cmte-engineering-city"))
                    .execute(true, true);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(old.getId()).count()).isEqualTo(1);
            var current = repository.createDeployment().name("current-again")
                    .addClasspathResource("processes/title-application.bpmn")
                    .addClasspathResource("forms/stage-review.form")
                    .addClasspathResource("forms/committee-office-review.form").deploy();
            currentAgain = current.getId();
            String target = repository.createProcessDefinitionQuery().deploymentId(current.getId()).singleResult()
                    .getId();

            assertThat(migration.migrateAll()).isGreaterThanOrEqualTo(1);

            ProcessInstance moved = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(old.getId()).singleResult();
            assertThat(moved.getProcessDefinitionId()).isEqualTo(target);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(old.getId()).count()).isZero();
            assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(old.getId())
                    .activityId(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION).count()).isEqualTo(1);
            assertThat(engine.getRuntimeService().getVariable(old.getId(), TitleApplicationProcess.Vars.APPLICATION_ID))
                    .isEqualTo("CF2025-LEGACY");
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(old.getId())
                    .activityId(TitleApplicationProcess.TIMER_EVALUATION_CLOSE).count()).isEqualTo(1);
            engine.getRuntimeService().deleteProcessInstance(old.getId(), "test", true, true);
            assertThat(latest).isNotEqualTo(target);
        } finally {
            // leave the shipped deployment the latest again for the other tests
            repository.deleteDeployment(deployment.getId(), true, true);
            if (currentAgain != null) {
                repository.deleteDeployment(currentAgain, true, true);
            }
        }
    }
}
