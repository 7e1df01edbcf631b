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

import cn.chifeng.title.process.EmployerRegistrationProcess.Vars;

/**
 * The {@code EmployerRegistration} model alone, without Spring: the reviewer named at the start decides, an approval
 * registers the unit, a rejection records the reason.
 */
@Deployment(resources = {"processes/employer-registration.bpmn", "forms/employer-registration-review.form"})
class EmployerRegistrationProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("employer-registration-process")).build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final JavaDelegate register = mock(JavaDelegate.class);
    private final JavaDelegate reject = mock(JavaDelegate.class);

    @BeforeEach
    void fakes() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        Mocks.register("registerEmployerDelegate", register);
        Mocks.register("rejectRegistrationDelegate", reject);
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    private ProcessInstance registration(String reviewer) {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(EmployerRegistrationProcess.KEY,
                "91150429MA0N12345B", Map.of(Vars.REGISTRATION_ID, 1L, Vars.REVIEWER_GROUP, reviewer,
                        Vars.EMPLOYER_NAME, "宁城县测试有限公司"));
        assertThat(pi).isWaitingAt(EmployerRegistrationProcess.TASK_REVIEW_REGISTRATION);
        assertThat(task(pi)).hasCandidateGroup(reviewer).hasName("单位注册审核");
        return pi;
    }

    @Test
    void anApprovedRegistrationRegistersTheUnit() throws Exception {
        ProcessInstance pi = registration("ningcheng-hr");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.APPROVE));

        verify(register).execute(any());
        verify(reject, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(EmployerRegistrationProcess.TASK_REVIEW_REGISTRATION,
                EmployerRegistrationProcess.GATEWAY_REGISTRATION_DECISION, EmployerRegistrationProcess.TASK_REGISTER_EMPLOYER,
                EmployerRegistrationProcess.END_EMPLOYER_REGISTERED);
    }

    @Test
    void aRejectedRegistrationRecordsTheReasonAndRegistersNothing() throws Exception {
        ProcessInstance pi = registration("city-health");

        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.REGISTRATION_DECISION, Vars.REJECT,
                Vars.REJECTION_REASON, "统一社会信用代码与营业执照不符"));

        verify(reject).execute(any());
        verify(register, never()).execute(any());
        assertThat(pi).isEnded().hasPassedInOrder(EmployerRegistrationProcess.TASK_REVIEW_REGISTRATION,
                EmployerRegistrationProcess.TASK_REJECT_REGISTRATION, EmployerRegistrationProcess.END_REGISTRATION_REJECTED)
                .hasNotPassed(EmployerRegistrationProcess.TASK_REGISTER_EMPLOYER);
    }
}
