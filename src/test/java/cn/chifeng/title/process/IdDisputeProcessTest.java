package cn.chifeng.title.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.chifeng.title.process.IdDisputeProcess.Vars;

/**
 * The {@code IdDispute} model alone, without Spring: the county HR bureau named at the start verifies; its finding
 * gives the number to the claimant or leaves it with the holder.
 */
@Deployment(resources = {"processes/id-dispute.bpmn", "forms/id-dispute-verification.form"})
class IdDisputeProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("id-dispute-process")).build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final JavaDelegate giveToClaimant = mock(JavaDelegate.class);
    private final JavaDelegate keepWithHolder = mock(JavaDelegate.class);

    @BeforeEach
    void fakes() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        Mocks.register("giveIdNumberToClaimantDelegate", giveToClaimant);
        Mocks.register("keepIdNumberWithHolderDelegate", keepWithHolder);
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    private ProcessInstance dispute(String countyHr) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(IdDisputeProcess.KEY, "dispute-1",
                Map.of(Vars.DISPUTE_ID, 1L, Vars.COUNTY_HR_GROUP, countyHr, Vars.CLAIMANT_NAME, "李秀英"));
        assertThat(pi).isWaitingAt(IdDisputeProcess.TASK_VERIFY_DISPUTE);
        assertThat(task(pi)).hasCandidateGroup(countyHr).hasName("身份证号申诉核查");
        return pi;
    }

    @Test
    void aDisputeFoundForTheClaimantGivesTheNumberToTheClaimant() throws Exception {
        ProcessInstance pi = dispute("ningcheng-hr");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.CLAIMANT,
                Vars.OUTCOME_NOTE, "申诉人持本人身份证到场核验"));

        verify(giveToClaimant).execute(any());
        verify(keepWithHolder, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(IdDisputeProcess.TASK_VERIFY_DISPUTE,
                IdDisputeProcess.GATEWAY_DISPUTE_OUTCOME, IdDisputeProcess.TASK_GIVE_TO_CLAIMANT,
                IdDisputeProcess.END_CLAIMANT_OWNS);
    }

    @Test
    void aDisputeFoundForTheHolderLeavesTheNumberWithTheAccount() throws Exception {
        ProcessInstance pi = dispute("hongshan-hr");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.DISPUTE_OUTCOME, Vars.HOLDER,
                Vars.OUTCOME_NOTE, "原账号持有人持本人身份证到场核验"));

        verify(keepWithHolder).execute(any());
        verify(giveToClaimant, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(IdDisputeProcess.TASK_VERIFY_DISPUTE,
                IdDisputeProcess.TASK_KEEP_WITH_HOLDER, IdDisputeProcess.END_HOLDER_OWNS)
                .hasNotPassed(IdDisputeProcess.TASK_GIVE_TO_CLAIMANT);
    }
}
