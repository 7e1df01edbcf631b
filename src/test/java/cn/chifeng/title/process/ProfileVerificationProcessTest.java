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

import cn.chifeng.title.process.ProfileVerificationProcess.Vars;

/**
 * The {@code ProfileVerification} model alone, without Spring (APP-1): the verifier named at the start — the
 * employer's group, a freelancer's talent service centre — decides; a verification is recorded, a rejection too.
 */
@Deployment(resources = {"processes/profile-verification.bpmn", "forms/profile-verification.form"})
class ProfileVerificationProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("profile-verification-process")).build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final JavaDelegate verified = mock(JavaDelegate.class);
    private final JavaDelegate rejected = mock(JavaDelegate.class);

    @BeforeEach
    void fakes() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        Mocks.register("recordProfileVerifiedDelegate", verified);
        Mocks.register("recordProfileRejectedDelegate", rejected);
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    private ProcessInstance verification(String verifier) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(ProfileVerificationProcess.KEY,
                "zhou", Map.of(Vars.PROFILE_USER_ID, "zhou", Vars.VERIFICATION_NO, 1, Vars.VERIFIER_GROUP, verifier,
                        Vars.APPLICANT_NAME, "周晓梅"));
        assertThat(pi).isWaitingAt(ProfileVerificationProcess.TASK_VERIFY_PROFILE);
        assertThat(task(pi)).hasCandidateGroup(verifier).hasName("个人信息核实");
        return pi;
    }

    @Test
    void theEmployerVerifiesTheProfileAndItIsRecorded() throws Exception {
        ProcessInstance pi = verification("unit-nc-hospital");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.VERIFICATION_DECISION, Vars.VERIFIED));

        verify(verified).execute(any());
        verify(rejected, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(ProfileVerificationProcess.TASK_VERIFY_PROFILE,
                ProfileVerificationProcess.GATEWAY_VERIFICATION_DECISION, ProfileVerificationProcess.TASK_RECORD_VERIFIED,
                ProfileVerificationProcess.END_PROFILE_VERIFIED);
    }

    @Test
    void theTalentCentreRejectsAFreelancersProfileWithAReason() throws Exception {
        ProcessInstance pi = verification("ningcheng-talent");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.VERIFICATION_DECISION, Vars.REJECTED,
                Vars.REJECTION_REASON, "毕业时间与学历证书不符"));

        verify(rejected).execute(any());
        verify(verified, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(ProfileVerificationProcess.TASK_VERIFY_PROFILE,
                ProfileVerificationProcess.TASK_RECORD_REJECTED, ProfileVerificationProcess.END_PROFILE_REJECTED)
                .hasNotPassed(ProfileVerificationProcess.TASK_RECORD_VERIFIED);
    }
}
