package cn.chifeng.title.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

import cn.chifeng.title.process.EvaluationSessionProcess.Vars;

/**
 * The {@code evaluation-session} model alone, without Spring (EVA-2, EVA-3, EVA-7, PUB-4, EVA-8): the paths of a
 * meeting with fakes for its beans — plan returned and refiled, a draw that fails and is redone, each seat's expert
 * (a decline replaced, a seat left vacant), the meeting to the confirmation, the confirmation timers, a postponement.
 */
@Deployment(resources = {"processes/evaluation-session.bpmn", "forms/session-plan-approval.form",
        "forms/session-plan-revision.form", "forms/session-draw-problem.form", "forms/expert-attendance.form",
        "forms/expert-review.form", "forms/session-meeting.form", "forms/session-vote-close.form",
        "forms/session-results-publicity.form", "forms/session-confirmation-filing.form",
        "forms/session-confirmation.form", "forms/postponement-acceptance.form"})
public class EvaluationSessionProcessTest {
    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("evaluation-session-process")).build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final List<String> calls = new ArrayList<>();
    private boolean drawFails;
    /** What the next answer of a seat's expert is: ATTEND, REPLACED or VACANT. */
    private String nextAnswer = "ATTEND";

    @BeforeEach
    void fakes() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        Mocks.register("planDecisionListener", (TaskListener) t -> t.getExecution().setVariable(Vars.PLAN_APPROVED,
                "APPROVE".equals(t.getVariable(Vars.PLAN_DECISION))));
        Mocks.register("planRefiledListener", (TaskListener) t -> calls.add("refiled"));
        Mocks.register("drawExpertsDelegate", (JavaDelegate) e -> {
            calls.add("draw");
            if (drawFails) {
                drawFails = false;
                throw new BpmnError(EvaluationSessionProcess.ERROR_DRAW_IMPOSSIBLE, "民营企业专家不足");
            }
        });
        Mocks.register("redrawReasonListener", (TaskListener) t -> calls.add("redraw reason"));
        Mocks.register("expertSeatListener", (ExecutionListener) e -> {
            int seat = ((Number) e.getVariable(Vars.LOOP_COUNTER)).intValue();
            e.setVariableLocal(Vars.EXPERT, "expert-" + seat);
            e.setVariableLocal(Vars.ATTENDS, false);
            e.setVariableLocal(Vars.REPLACED, false);
        });
        Mocks.register("attendanceListener", (TaskListener) t -> {
            t.getExecution().setVariable(Vars.ATTENDS, "ATTEND".equals(nextAnswer));
            t.getExecution().setVariable(Vars.REPLACED, "REPLACED".equals(nextAnswer));
            if ("REPLACED".equals(nextAnswer)) {
                t.getExecution().setVariable(Vars.EXPERT, "reserve-1");
            }
            nextAnswer = "ATTEND";
        });
        Mocks.register("blindReviewDoneListener", (TaskListener) t -> calls.add("reviewed " + t.getAssignee()));
        Mocks.register("meetingChoicesListener", (TaskListener) t -> { });
        Mocks.register("meetingOpenedListener", (TaskListener) t -> calls.add("meeting"));
        Mocks.register("voteClosedListener", (TaskListener) t -> calls.add("counted"));
        Mocks.register("resultsPublishedListener", (TaskListener) t -> calls.add("published"));
        Mocks.register("confirmationFiledListener", (TaskListener) t -> calls.add("filed"));
        Mocks.register("resultsConfirmedListener", (TaskListener) t -> calls.add("confirmed"));
        Mocks.register("postponementDecisionListener", (TaskListener) t -> calls.add("postponement decided"));
        Mocks.register("confirmationReminderDelegate", (JavaDelegate) e -> calls.add("reminded"));
        Mocks.register("sessionDeadlines", new Deadlines());
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    /** Both confirmation timers fall due in a day (the real bean: 25 days and a month after the meeting). */
    public static class Deadlines {
        public Date confirmationReminder(DelegateExecution e) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public Date confirmationDue(DelegateExecution e) {
            return new Date(System.currentTimeMillis() + 2 * 86_400_000L);
        }
    }

    private ProcessInstance session(int seats) {
        return engine.getRuntimeService().startProcessInstanceByKey(EvaluationSessionProcess.KEY, "PS2025-TEST",
                Map.of(Vars.SESSION_ID, "PS2025-TEST", Vars.COMMITTEE_GROUP, "cmte", Vars.APPROVER_GROUP, "city-hr",
                        Vars.CONFIRMER_GROUP, "city-hr", Vars.COMMITTEE_SIZE, seats));
    }

    private Task task(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list()
                .get(0);
    }

    private void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
        engine.getTaskService().complete(task(pi, key).getId(), vars);
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    @Test
    void aReturnedPlanIsRevisedAndApprovedAndAFailedDrawIsRedoneWithAReason() {
        drawFails = true;
        ProcessInstance pi = session(2);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN)
                .getId())).extracting(l -> l.getGroupId()).containsExactly("city-hr");
        complete(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN, Map.of(Vars.PLAN_DECISION, "RETURN"));
        assertThat(pi).isWaitingAt(EvaluationSessionProcess.TASK_REVISE_PLAN);
        complete(pi, EvaluationSessionProcess.TASK_REVISE_PLAN, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN, Map.of(Vars.PLAN_DECISION, "APPROVE"));
        assertThat(pi).isWaitingAt(EvaluationSessionProcess.TASK_RESOLVE_DRAW);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.DRAW_PROBLEM)).isEqualTo("民营企业专家不足");
        complete(pi, EvaluationSessionProcess.TASK_RESOLVE_DRAW, Map.of());
        assertThat(tasks(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE)).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("expert-0", "expert-1");
        assertThat(calls).containsExactly("refiled", "draw", "redraw reason", "draw");
    }

    @Test
    void eachSeatIsItsExpertsAloneADeclineGoesToTheReserveAndAVacantSeatEnds() {
        ProcessInstance pi = session(3);
        complete(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN, Map.of(Vars.PLAN_DECISION, "APPROVE"));
        List<Task> seats = tasks(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE);
        assertThat(seats).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert-0", "expert-1", "expert-2");
        assertThat(engine.getTaskService().getIdentityLinksForTask(seats.get(0).getId()))
                .noneMatch(l -> l.getGroupId() != null);
        Task s0 = seats.stream().filter(t -> t.getAssignee().equals("expert-0")).findFirst().orElseThrow();
        Task s1 = seats.stream().filter(t -> t.getAssignee().equals("expert-1")).findFirst().orElseThrow();
        Task s2 = seats.stream().filter(t -> t.getAssignee().equals("expert-2")).findFirst().orElseThrow();
        nextAnswer = "REPLACED";
        engine.getTaskService().complete(s0.getId());
        nextAnswer = "VACANT";
        engine.getTaskService().complete(s1.getId());
        engine.getTaskService().complete(s2.getId());
        assertThat(tasks(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE)).extracting(Task::getAssignee)
                .containsExactly("reserve-1");
        engine.getTaskService().complete(tasks(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE).get(0).getId());
        List<Task> reviews = tasks(pi, EvaluationSessionProcess.TASK_BLIND_REVIEW);
        assertThat(reviews).extracting(Task::getAssignee).containsExactlyInAnyOrder("reserve-1", "expert-2");
        reviews.forEach(t -> engine.getTaskService().complete(t.getId()));
        assertThat(pi).isWaitingAt(EvaluationSessionProcess.TASK_HOLD_MEETING)
                .hasPassed(EvaluationSessionProcess.END_SEAT_VACANT);
    }

    @Test
    void fromTheMeetingToConfirmedResultsWithTheConfirmationTimersAndAPostponement() {
        ProcessInstance pi = session(1);
        complete(pi, EvaluationSessionProcess.TASK_APPROVE_PLAN, Map.of(Vars.PLAN_DECISION, "APPROVE"));
        complete(pi, EvaluationSessionProcess.TASK_CONFIRM_ATTENDANCE, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_BLIND_REVIEW, Map.of());
        engine.getRuntimeService().createMessageCorrelation(EvaluationSessionProcess.MESSAGE_POSTPONEMENT_FILED)
                .processInstanceId(pi.getId()).setVariableLocal(Vars.POSTPONEMENT_ID, 1L).correlate();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi,
                EvaluationSessionProcess.TASK_ACCEPT_POSTPONEMENT).getId())).extracting(l -> l.getGroupId())
                .containsExactly("city-hr");
        complete(pi, EvaluationSessionProcess.TASK_ACCEPT_POSTPONEMENT, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_HOLD_MEETING, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_CLOSE_VOTE, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_PUBLISH_RESULTS, Map.of());
        assertThat(pi).isWaitingAt(EvaluationSessionProcess.TASK_FILE_CONFIRMATION);
        var management = engine.getManagementService();
        for (String timer : List.of(EvaluationSessionProcess.TIMER_CONFIRMATION_REMINDER,
                EvaluationSessionProcess.TIMER_CONFIRMATION_OVERDUE)) {
            management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId(timer)
                    .singleResult().getId());
        }
        assertThat(pi).isWaitingAt(EvaluationSessionProcess.TASK_FILE_CONFIRMATION);
        complete(pi, EvaluationSessionProcess.TASK_FILE_CONFIRMATION, Map.of());
        complete(pi, EvaluationSessionProcess.TASK_CONFIRM_RESULTS, Map.of());
        assertThat(pi).isEnded().hasPassed(EvaluationSessionProcess.END_CONFIRMED);
        assertThat(calls).containsExactly("draw", "reviewed expert-0", "postponement decided", "meeting", "counted",
                "published", "reminded", "reminded", "filed", "confirmed");
    }
}
