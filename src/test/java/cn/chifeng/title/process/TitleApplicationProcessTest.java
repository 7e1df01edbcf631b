package cn.chifeng.title.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

/**
 * The {@code title-application} model alone, on an in-memory engine without Spring: the beans the model calls are
 * fakes, each path starts right where it begins ({@code startBeforeActivity}) and runs in milliseconds. What the
 * beans themselves do is tested where they live; the end-to-end route scenarios are {@code TitleApplicationProcessIT}.
 */
@Deployment(resources = {"processes/title-application.bpmn", "forms/stage-review.form",
        "forms/committee-office-review.form"})
public class TitleApplicationProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder().useProcessEngine(EngineOnly.engine("title-application-process"))
            .build();

    /** Set by the extension. */
    ProcessEngine engine;

    private static final List<String> ROUTE = List.of("UNIT", "COMPETENT_DEPT", "COUNTY_HR", "CITY_HR",
            "COMMITTEE_OFFICE");

    private final List<String> statuses = new ArrayList<>();
    private final JavaDelegate recordViolation = mock(JavaDelegate.class);
    private final JavaDelegate escalate = mock(JavaDelegate.class);
    private final JavaDelegate flagLateEvaluation = mock(JavaDelegate.class);
    /** The publicity the next approval calls for (null: none), as DMN stage-publicity would say. */
    private String nextPublicity;

    /** What the model calls: the register's status, the season's deadlines, the stage advance, the form rules. */
    @BeforeEach
    void fakes() {
        // several engines live in this JVM: the assertions must ask this one; the clock is the real one
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        Mocks.register("applicationStatus", new StatusRecorder(statuses));
        Mocks.register("seasonDeadlines", new Deadlines());
        Mocks.register("eligibilityDisplay", new NoDisplay());
        Mocks.register("noticeWork", new NoNoticeWork());
        Mocks.register("reviewDecisionListener", (TaskListener) task -> {
            task.getExecution().setVariable(Vars.LAST_DECISION, task.getVariable(Vars.DECISION));
            task.getExecution().removeVariable(Vars.DECISION);
        });
        Mocks.register("determineRouteDelegate", (JavaDelegate) execution -> { });
        Mocks.register("advanceStageDelegate", (JavaDelegate) this::advance);
        Mocks.register("recallApprovalDelegate", (JavaDelegate) this::back);
        Mocks.register("issueCorrectionNoticeDelegate", (JavaDelegate) execution -> {
            execution.setVariable(Vars.CORRECTION_ISSUED, true);
            execution.setVariable(Vars.CORRECTION_DEADLINE, new Date(System.currentTimeMillis() + 3_600_000L));
        });
        Mocks.register("recordViolationDelegate", recordViolation);
        Mocks.register("escalateReviewDelegate", escalate);
        Mocks.register("flagLateEvaluationDelegate", flagLateEvaluation);
    }

    /** Records the statuses the model marks, in order. */
    public static final class StatusRecorder {
        private final List<String> statuses;

        StatusRecorder(List<String> statuses) {
            this.statuses = statuses;
        }

        public void mark(DelegateExecution execution, String status) {
            statuses.add(status);
        }
    }

    /** The season's deadlines: the review close tomorrow, the evaluation close the day after. */
    public static final class Deadlines {
        public Date reviewClose(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public Date evaluationClose(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 2 * 86_400_000L);
        }
    }

    /** The body's 发布公示 task (process notice-work) is not this test's. */
    public static final class NoNoticeWork {
        public void arrived(DelegateExecution execution) {
            // another model's
        }
    }

    /** The eligibility display is not this test's. */
    public static final class NoDisplay {
        public void record(DelegateExecution execution) {
            // nothing to show
        }
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    /** As AdvanceStageDelegate does, without the register: the next stage of the route, or the route complete. */
    private void advance(DelegateExecution execution) {
        int next = (Integer) execution.getVariable(Vars.ROUTE_INDEX) + 1;
        execution.setVariable(Vars.STAGE_PUBLICITY, nextPublicity);
        if (next >= ROUTE.size()) {
            execution.setVariable(Vars.ROUTE_COMPLETE, true);
            return;
        }
        execution.setVariable(Vars.ROUTE_INDEX, next);
        execution.setVariable(Vars.CURRENT_STAGE, ROUTE.get(next));
        execution.setVariable(Vars.STAGE_GROUP, "group-of-" + ROUTE.get(next));
        execution.setVariable(Vars.ROUTE_COMPLETE, false);
    }

    /** As RecallApprovalDelegate does, without the register: one stage back. */
    private void back(DelegateExecution execution) {
        int back = (Integer) execution.getVariable(Vars.ROUTE_INDEX) - 1;
        execution.setVariable(Vars.ROUTE_INDEX, back);
        execution.setVariable(Vars.CURRENT_STAGE, ROUTE.get(back));
        execution.setVariable(Vars.STAGE_GROUP, "group-of-" + ROUTE.get(back));
    }

    private ProcessInstance at(String stage) {
        int index = ROUTE.indexOf(stage);
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.APPLICATION_ID, "CF2025-TEST");
        v.put(Vars.ROUTE, ROUTE);
        v.put(Vars.ROUTE_INDEX, index);
        v.put(Vars.CURRENT_STAGE, stage);
        v.put(Vars.STAGE_GROUP, "group-of-" + stage);
        v.put(Vars.COMMITTEE_GROUP, "cmte-test");
        v.put(Vars.ROUTE_COMPLETE, false);
        v.put("stagePublicity", null);
        return engine.getRuntimeService().createProcessInstanceByKey(TitleApplicationProcess.KEY)
                .startBeforeActivity(TitleApplicationProcess.STAGE_TASKS.get(Stage.valueOf(stage)))
                .setVariables(v).execute();
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void decide(ProcessInstance pi, String decision) {
        engine.getTaskService().complete(task(pi).getId(), Map.of(Vars.DECISION, decision));
    }

    private void correlate(ProcessInstance pi, String message) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).correlate();
    }

    private Job timer(ProcessInstance pi, String activity) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity)
                .singleResult();
    }

    @Test
    void anApprovalMovesToTheNextStagesTask() {
        ProcessInstance pi = at("COUNTY_HR");
        decide(pi, "APPROVE");

        assertThat(pi).isWaitingAt("Task_CityHrReview");
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_CityHrReview");
    }

    @Test
    void anApprovalThatCallsForANoticeWaitsForItFirst() {
        ProcessInstance pi = at("COUNTY_HR");
        nextPublicity = "ROSTER";
        decide(pi, "APPROVE");

        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_STAGE_PUBLICITY);
        assertThat(statuses).endsWith("IN_PUBLICITY");
        nextPublicity = null;
        correlate(pi, TitleApplicationProcess.MESSAGE_PUBLICITY_CLEARED);
        assertThat(pi).isWaitingAt("Task_CityHrReview");
        assertThat(statuses).endsWith("IN_REVIEW");
    }

    @Test
    void aReturnWaitsForTheApplicantAndComesBackToTheSameStage() {
        ProcessInstance pi = at("COUNTY_HR");
        decide(pi, "RETURN");

        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_RESUBMISSION);
        assertThat(statuses).endsWith("RETURNED");
        correlate(pi, TitleApplicationProcess.MESSAGE_RESUBMITTED);
        assertThat(pi).isWaitingAt("Task_CountyHrReview");
    }

    @Test
    void aReturnNotResubmittedByTheReviewCloseExpires() {
        ProcessInstance pi = at("UNIT");
        decide(pi, "RETURN");
        engine.getManagementService().executeJob(timer(pi, TitleApplicationProcess.TIMER_REVIEW_CLOSE).getId());

        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_EXPIRED);
        assertThat(statuses).endsWith("EXPIRED");
    }

    @Test
    void aRejectionEndsTheApplication() throws Exception {
        ProcessInstance pi = at("CITY_HR");
        decide(pi, "REJECT");

        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_REJECTED);
        assertThat(statuses).endsWith("REJECTED");
        verify(recordViolation, never()).execute(any());
    }

    @Test
    void fraudRecordsTheViolationAndCancels() throws Exception {
        ProcessInstance pi = at("COMPETENT_DEPT");
        decide(pi, "FRAUD");

        verify(recordViolation).execute(any());
        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.TASK_RECORD_VIOLATION,
                TitleApplicationProcess.END_CANCELLED);
        assertThat(statuses).endsWith("CANCELLED");
    }

    @Test
    void aCorrectionNoticeAnsweredInTimeReturnsToTheOffice() {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "CORRECTION");

        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_CORRECTION);
        assertThat(statuses).endsWith("CORRECTION_REQUESTED");
        correlate(pi, TitleApplicationProcess.MESSAGE_CORRECTION_SUPPLIED);
        assertThat(pi).isWaitingAt("Task_CommitteeOfficeReview");
    }

    @Test
    void aCorrectionNoticeNotAnsweredInTimeIsAbandoned() {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "CORRECTION");
        engine.getManagementService().executeJob(timer(pi, TitleApplicationProcess.TIMER_CORRECTION_DEADLINE)
                .getId());

        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_ABANDONED);
        assertThat(statuses).endsWith("ABANDONED");
    }

    @Test
    void theCityBureausSpotCheckReturnInterruptsAnyStage() {
        ProcessInstance pi = at("COUNTY_HR");
        engine.getRuntimeService().createMessageCorrelation(TitleApplicationProcess.MESSAGE_SPOT_CHECK_RETURN)
                .processInstanceId(pi.getId()).setVariable(Vars.LAST_DECISION, "RETURN").correlate();

        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_RESUBMISSION);
        assertThat(task(pi)).isNull();
    }

    @Test
    void aRecalledApprovalTakesTheApplicationBackToTheStageThatApprovedIt() {
        ProcessInstance pi = at("COUNTY_HR");
        engine.getRuntimeService().createMessageCorrelation(TitleApplicationProcess.MESSAGE_APPROVAL_RECALLED)
                .processInstanceId(pi.getId()).correlate();

        assertThat(pi).hasPassed(TitleApplicationProcess.TASK_RECALL_APPROVAL);
        int county = ROUTE.indexOf("COUNTY_HR");
        String previous = ROUTE.get(county - 1);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.CURRENT_STAGE)).isEqualTo(previous);
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_CompetentDeptReview");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
                .anyMatch(l -> ("group-of-" + previous).equals(l.getGroupId()));
    }

    @Test
    void theReviewCloseEscalatesWithoutInterrupting() throws Exception {
        ProcessInstance pi = at("COUNTY_HR");
        engine.getManagementService().executeJob(timer(pi, "Timer_ReviewCloseEscalation").getId());

        verify(escalate).execute(any());
        assertThat(pi).isWaitingAt("Task_CountyHrReview");
    }

    @Test
    void aCompleteRouteGoesToTheCommitteeAndAPassStandsAfterTheResultNotice() {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "APPROVE");
        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION);
        assertThat(statuses).endsWith("IN_EVALUATION");

        decideEvaluation(pi, "PASSED");
        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_RESULT_PUBLICITY);
        correlate(pi, TitleApplicationProcess.MESSAGE_PUBLICITY_CLEARED);
        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_PASSED);
        assertThat(statuses).endsWith("PASSED");
    }

    @Test
    void aFailedEvaluationEnds() {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "APPROVE");
        decideEvaluation(pi, "NOT_PASSED");

        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_NOT_PASSED);
        assertThat(statuses).endsWith("NOT_PASSED");
    }

    @Test
    void anUnfinishedEvaluationAtTheCloseIsReportedAndGoesOn() throws Exception {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "APPROVE");
        engine.getManagementService().executeJob(timer(pi, "Timer_EvaluationClose").getId());

        verify(flagLateEvaluation).execute(any());
        assertThat(pi).isWaitingAt(TitleApplicationProcess.RECEIVE_COMMITTEE_EVALUATION);
    }

    /** What an evaluation session's close sends (EvaluationSessionIT runs the session). */
    private void decideEvaluation(ProcessInstance pi, String result) {
        engine.getRuntimeService().createMessageCorrelation(TitleApplicationProcess.MESSAGE_EVALUATION_DECIDED)
                .processInstanceId(pi.getId()).setVariable(Vars.EVALUATION_RESULT, result).correlate();
    }

    @Test
    void aResultOtherThanPassedEndsAsNotPassed() {
        ProcessInstance pi = at("COMMITTEE_OFFICE");
        decide(pi, "APPROVE");
        decideEvaluation(pi, "OVER_QUOTA");
        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_NOT_PASSED);
    }

    @Test
    void theApplicantMayWithdrawAtAnyStage() {
        ProcessInstance pi = at("CITY_HR");
        correlate(pi, TitleApplicationProcess.MESSAGE_WITHDRAWN);

        assertThat(pi).isEnded().hasPassed(TitleApplicationProcess.END_WITHDRAWN);
        assertThat(statuses).endsWith("WITHDRAWN");
    }
}
