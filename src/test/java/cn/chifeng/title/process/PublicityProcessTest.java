package cn.chifeng.title.process;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code publicity} model alone, without Spring: a notice runs until its period ends; each objection filed
 * meanwhile is investigated by the body it names, without stopping the notice (PUB-1, PUB-2).
 */
@Deployment(resources = {"processes/publicity.bpmn", "forms/objection-investigation.form"})
public class PublicityProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder().useProcessEngine(EngineOnly.engine("publicity-process"))
            .build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final JavaDelegate close = mock(JavaDelegate.class);
    private final JavaDelegate recordOutcome = mock(JavaDelegate.class);

    @BeforeEach
    void fakes() {
        // several engines live in this JVM: the assertions must ask this one; the clock is the real one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        Mocks.register("closePublicationDelegate", close);
        Mocks.register("recordObjectionOutcomeDelegate", recordOutcome);
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    private ProcessInstance notice() {
        return engine.getRuntimeService().startProcessInstanceByKey(PublicityProcess.KEY, "GS2025-TEST", Map.of(
                PublicityProcess.Vars.PUBLICATION_ID, "GS2025-TEST", PublicityProcess.Vars.PUBLICITY_END, new Date(System.currentTimeMillis() + 86_400_000L)));
    }

    private void object(ProcessInstance pi, String investigator, long objectionId) {
        engine.getRuntimeService().createMessageCorrelation(PublicityProcess.MESSAGE_OBJECTION_FILED).processInstanceId(pi.getId())
                .setVariablesLocal(Map.of(PublicityProcess.Vars.OBJECTION_ID, objectionId, PublicityProcess.Vars.INVESTIGATOR_GROUP, investigator,
                        PublicityProcess.Vars.OBJECTION_TEXT, "异议内容", PublicityProcess.Vars.ABOUT_LABEL, "涉及材料真实性"))
                .correlate();
    }

    private List<Task> investigations(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
    }

    @Test
    void aNoticeWithoutObjectionsEndsWhenItsPeriodEnds() throws Exception {
        ProcessInstance pi = notice();
        assertThat(pi).isWaitingAt(PublicityProcess.TIMER_PUBLICITY_END);

        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).singleResult().getId());

        verify(close).execute(any());
        assertThat(pi).isEnded().hasPassed(PublicityProcess.TASK_CLOSE_PUBLICATION, PublicityProcess.END_PUBLICATION_ENDED);
    }

    @Test
    void eachObjectionGoesToTheBodyItNamesAndTheNoticeRunsOn() throws Exception {
        ProcessInstance pi = notice();
        object(pi, "unit-nc-hospital", 1);
        object(pi, "cmte-health-city", 2);

        assertThat(investigations(pi)).hasSize(2);
        assertThat(investigations(pi).stream().flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId())
                .stream()).map(IdentityLink::getGroupId).toList())
                .containsExactlyInAnyOrder("unit-nc-hospital", "cmte-health-city");
        assertThat(pi).isWaitingAt(PublicityProcess.TIMER_PUBLICITY_END, PublicityProcess.TASK_INVESTIGATE_OBJECTION);
        verify(recordOutcome, never()).execute(any());

        for (Task t : investigations(pi)) {
            engine.getTaskService().complete(t.getId(), Map.of(PublicityProcess.Vars.OBJECTION_OUTCOME, "DISMISSED",
                    PublicityProcess.Vars.OBJECTION_NOTE, "经核查不属实"));
        }
        verify(recordOutcome, times(2)).execute(any());
        assertThat(pi).isWaitingAt(PublicityProcess.TIMER_PUBLICITY_END);
        assertThat(investigations(pi)).isEmpty();
    }
}
