package cn.chifeng.title.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.chifeng.title.process.NoticeWorkProcess.Vars;

/**
 * The {@code notice-work} model alone: the body's 发布公示 task, offered to the publishing body; completing it runs
 * the publication (its listener) and, while applications still wait, the task comes back; when none waits it ends.
 */
@Deployment(resources = {"processes/notice-work.bpmn", "forms/publish-notice.form"})
public class NoticeWorkProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("notice-work-process")).build();

    ProcessEngine engine;

    private final List<String> published = new ArrayList<>();
    private final List<Boolean> stillWaiting = new ArrayList<>();

    /** The gateway's answer, in the order the test sets. */
    public final class Waiting {
        public boolean stillWaiting(DelegateExecution execution) {
            return stillWaiting.remove(0);
        }
    }

    @BeforeEach
    void fakes() {
        Mocks.register("publishNoticeListener", (TaskListener) t -> published.add(String.valueOf(t.getVariable(
                Vars.SELECTED))));
        Mocks.register("noticeWork", new Waiting());
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    private ProcessInstance started() {
        return engine.getRuntimeService().startProcessInstanceByKey(NoticeWorkProcess.KEY,
                NoticeWorkProcess.businessKey("UNIT_NOMINEES", "unit-x"), Map.of(Vars.PUBLISHER_GROUP, "unit-x",
                        Vars.NOTICE_KIND, "UNIT_NOMINEES", Vars.KIND_LABEL, "单位推荐人选公示"));
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    @Test
    void theBodysTaskComesBackWhileApplicationsStillWaitAndEndsWhenNoneDoes() {
        ProcessInstance pi = started();
        Task first = task(pi);
        assertThat(first.getTaskDefinitionKey()).isEqualTo(NoticeWorkProcess.TASK_PUBLISH);
        assertThat(engine.getTaskService().getIdentityLinksForTask(first.getId()))
                .anyMatch(l -> "unit-x".equals(l.getGroupId()));

        stillWaiting.add(true);
        engine.getTaskService().complete(first.getId(), Map.of(Vars.SELECTED, "[\"CF2025-A\"]", Vars.WORKING_DAYS, 5));
        Task second = task(pi);
        assertThat(second).isNotNull();
        assertThat(second.getId()).isNotEqualTo(first.getId());

        stillWaiting.add(false);
        engine.getTaskService().complete(second.getId(), Map.of(Vars.SELECTED, "[\"CF2025-B\"]", Vars.WORKING_DAYS, 5));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(published).containsExactly("[\"CF2025-A\"]", "[\"CF2025-B\"]");
    }
}
