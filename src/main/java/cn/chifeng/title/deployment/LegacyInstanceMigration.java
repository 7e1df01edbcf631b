package cn.chifeng.title.deployment;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.chifeng.title.process.TitleApplicationProcess;

/**
 * Moves running {@code title-application} instances of earlier versions to the latest one at start-up, so that an
 * existing database keeps working when the model changes (Camunda's own migration, equal activity ids mapped). An
 * instance waiting at the placeholder user task {@code Task_CommitteeEvaluation} of versions before 2025.2 — which
 * has no counterpart of its kind — is moved in one transaction: parked at {@code Receive_ResultPublicity} of its
 * version (listeners skipped), migrated, then put to wait at {@code Receive_CommitteeEvaluation} for its session.
 * An instance that cannot be migrated stays where it is and is named in one WARN line; a second node starting at
 * the same moment waits for the start-up lock and then finds nothing left to move.
 */
@Component
public class LegacyInstanceMigration {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyInstanceMigration.class);
    private final ProcessEngine engine;
    private final TransactionTemplate transaction;

    private final cn.chifeng.title.common.StartupLock startupLock;

    LegacyInstanceMigration(ProcessEngine engine,
                            org.springframework.transaction.PlatformTransactionManager transactions,
                            cn.chifeng.title.common.StartupLock startupLock) {
        this.engine = engine;
        // each instance in a transaction of its own (one that fails does not undo the others), while the start-up
        // lock's transaction keeps a second node waiting
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.startupLock = startupLock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-90)
    public void onStart() {
        int moved = startupLock.call("legacy-instances", this::migrateAll);
        if (moved > 0) {
            LOG.info("已将 {} 个旧版本流程实例迁移到最新版本 {}", moved, TitleApplicationProcess.KEY);
        }
    }

    /** @return how many instances were moved to the latest version */
    public int migrateAll() {
        var repository = engine.getRepositoryService();
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(TitleApplicationProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            return 0;
        }
        int moved = 0;
        for (ProcessDefinition old : repository.createProcessDefinitionQuery()
                .processDefinitionKey(TitleApplicationProcess.KEY).list()) {
            if (old.getId().equals(latest.getId())) {
                continue;
            }
            List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionId(old.getId()).list();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = engine.getRuntimeService().createMigrationPlan(old.getId(), latest.getId())
                        .mapEqualActivities().build();
            } catch (RuntimeException e) {
                LOG.warn("无法为 {} 生成迁移计划，{} 个实例保留在原版本：{}", old.getId(), instances.size(), e.getMessage());
                continue;
            }
            for (ProcessInstance instance : instances) {
                try {
                    transaction.executeWithoutResult(status -> migrate(instance.getId(), plan));
                    moved++;
                } catch (RuntimeException e) {
                    LOG.warn("流程实例 {} 未迁移（保留在 {}）：{}", instance.getId(), old.getId(), e.getMessage());
                }
            }
        }
        return moved;
    }

    private void migrate(String instanceId, MigrationPlan plan) {
        var runtime = engine.getRuntimeService();
        boolean atLegacyTask = runtime.createExecutionQuery().processInstanceId(instanceId)
                .activityId(TitleApplicationProcess.LEGACY_TASK_COMMITTEE_EVALUATION).count() > 0;
        if (atLegacyTask) {
            runtime.createProcessInstanceModification(instanceId)
                    .startBeforeActivity(TitleApplicationProcess.RECEIVE_RESULT_PUBLICITY)
                    .cancelAllForActivity(TitleApplicationProcess.LEGACY_TASK_COMMITTEE_EVALUATION)
                    .execute(true, true);
        }
        runtime.newMigration(plan).processInstanceIds(instanceId).execute();
        if (atLegacyTask) {
            runtime.createProcessInstanceModification(instanceId)
                    .startBeforeActivity(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION)
                    .cancelAllForActivity(TitleApplicationProcess.RECEIVE_RESULT_PUBLICITY)
                    .execute(true, true);
        }
    }
}
