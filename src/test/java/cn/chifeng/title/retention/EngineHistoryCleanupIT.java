package cn.chifeng.title.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.chifeng.title.common.Zones;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * The engine's history cleanup as configured (removal-time based, removal time stamped at the end): what it does to
 * instances that have already ended when a TTL changes, how they are re-stamped, and that the cleanup removes what
 * is due and keeps what is not. A probe model of its own with a TTL of days, on the engine clock set to 2020 — long
 * before any other test's history is due, so the cleanup here touches only the probe's instances.
 */
@org.junit.jupiter.api.Tag("postgres")
class EngineHistoryCleanupIT extends IntegrationTestBase {
    private static final String KEY = "retention-probe";
    private static final LocalDateTime T = LocalDateTime.of(2020, 1, 6, 10, 0);

    private final List<String> deployments = new ArrayList<>();

    private RepositoryService repository() {
        return engine.getRepositoryService();
    }

    private HistoryService history() {
        return engine.getHistoryService();
    }

    private ManagementService management() {
        return engine.getManagementService();
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
        deployments.forEach(id -> repository().deleteDeployment(id, true));
        deployments.clear();
    }

    private static Date at(LocalDateTime chinaTime) {
        return Date.from(chinaTime.atZone(Zones.CHINA).toInstant());
    }

    /** Deploys the probe (start → end, it ends as it starts) with a TTL of {@code days}; its definition id. */
    private String deployProbe(int days) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(days)
                .startEvent().endEvent().done();
        Deployment d = repository().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
        deployments.add(d.getId());
        return repository().createProcessDefinitionQuery().deploymentId(d.getId()).singleResult().getId();
    }

    /** An instance of the definition that starts and ends at {@code when} (engine clock). */
    private String endedAt(String definitionId, LocalDateTime when) {
        ClockUtil.setCurrentTime(at(when));
        RuntimeService runtime = engine.getRuntimeService();
        String id = runtime.startProcessInstanceById(definitionId).getId();
        assertThat(history().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime())
                .as("the probe ends at once").isNotNull();
        return id;
    }

    private Date removalTime(String processInstanceId) {
        HistoricProcessInstance h = history().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return h == null ? null : h.getRemovalTime();
    }

    /** Runs a batch's seed, batch and monitor jobs until none is left. */
    private void runBatch(Batch batch) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                jobs.addAll(management().createJobQuery().jobDefinitionId(definition).list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management().executeJob(j.getId()));
        }
        throw new AssertionError("batch " + batch.getId() + " did not finish");
    }

    @Test
    void theCleanupIsRemovalTimeBasedStampedAtTheEndInTheNightlyWindow() {
        ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(c.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        assertThat(c.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        assertThat(c.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(c.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(c.getHistoryCleanupBatchSize()).isEqualTo(500);
        assertThat(c.getHistoryCleanupDegreeOfParallelism()).isEqualTo(2);
        assertThat(c.getBatchOperationHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(c.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P90D");
        assertThat(c.isHistoryCleanupEnabled()).isTrue();
    }

    @Test
    void anEndedInstanceIsStampedWithTheTtlOfItsDefinitionAtItsEnd() {
        String definition = deployProbe(1);
        String ended = endedAt(definition, T);
        assertThat(removalTime(ended)).isEqualTo(at(T.plusDays(1)));
    }

    @Test
    void aLaterTtlChangeLeavesEndedInstancesAsTheyWereUntilTheyAreReStamped() {
        String v1 = deployProbe(1);
        String ended = endedAt(v1, T);

        // a redeployed model with a longer TTL: new instances get it, the ended one keeps its stamp
        String v2 = deployProbe(30);
        assertThat(v2).isNotEqualTo(v1);
        String endedUnderV2 = endedAt(v2, T.plusHours(1));
        assertThat(removalTime(endedUnderV2)).isEqualTo(at(T.plusHours(1).plusDays(30)));
        assertThat(removalTime(ended)).as("redeploying does not re-stamp").isEqualTo(at(T.plusDays(1)));

        // the TTL of the ended instance's own version changed (Cockpit, REST PUT .../history-time-to-live): still not
        repository().updateProcessDefinitionHistoryTimeToLive(v1, 30);
        assertThat(removalTime(ended)).as("changing its version's TTL does not re-stamp").isEqualTo(at(T.plusDays(1)));

        // the administrator re-stamps the ended instances of the probe from their definitions' TTL now
        Batch batch = history().setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
                .byQuery(history().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished())
                .executeAsync();
        runBatch(batch);
        assertThat(removalTime(ended)).isEqualTo(at(T.plusDays(30)));
        assertThat(removalTime(endedUnderV2)).isEqualTo(at(T.plusHours(1).plusDays(30)));

        // or to a date of their choosing
        runBatch(history().setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(at(T.plusDays(2)))
                .byIds(ended).executeAsync());
        assertThat(removalTime(ended)).isEqualTo(at(T.plusDays(2)));
    }

    @Test
    void theCleanupRemovesAnInstanceWhoseRemovalTimeHasPassedAndKeepsAYoungerOne() {
        String definition = deployProbe(1);
        String old = endedAt(definition, T);
        String young = endedAt(definition, T.plusDays(3));

        ClockUtil.setCurrentTime(at(T.plusDays(2)));
        Job first = history().cleanUpHistoryAsync(true);
        assertThat(first).isNotNull();
        List<Job> cleanup = history().findHistoryCleanupJobs();
        assertThat(cleanup).as("one job per degree of parallelism").hasSize(2);
        cleanup.forEach(j -> management().executeJob(j.getId()));

        assertThat(history().createHistoricProcessInstanceQuery().processInstanceId(old).count())
                .as("due since " + T.plusDays(1)).isZero();
        assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history().createHistoricProcessInstanceQuery().processInstanceId(young).count()).isEqualTo(1);
        assertThat(removalTime(young)).isEqualTo(at(T.plusDays(4)));
        assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(young).count()).isEqualTo(2);

        // a day after the younger one's removal time, it goes too
        ClockUtil.setCurrentTime(at(T.plusDays(4).plus(1, ChronoUnit.DAYS)));
        history().cleanUpHistoryAsync(true);
        history().findHistoryCleanupJobs().forEach(j -> management().executeJob(j.getId()));
        assertThat(history().createHistoricProcessInstanceQuery().processInstanceId(young).count()).isZero();
    }
}
