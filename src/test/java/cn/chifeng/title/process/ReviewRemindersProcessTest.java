package cn.chifeng.title.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.chifeng.title.process.ReviewRemindersProcess.Vars;

/**
 * The {@code review-reminders} model alone (SEA-3): a timer starts it every day at 08:00 China time; each run sends
 * the day's digest and ends; the next day's timer is there whatever this run did.
 */
@Deployment(resources = "processes/review-reminders.bpmn")
public class ReviewRemindersProcessTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final ProcessEngineExtension EXTENSION = ProcessEngineExtension.builder()
            .useProcessEngine(EngineOnly.engine("review-reminders-process")).build();

    /** Set by the extension. */
    ProcessEngine engine;

    private final JavaDelegate digest = mock(JavaDelegate.class);

    @BeforeEach
    void fakes() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        Mocks.register("sendReviewDigestDelegate", digest);
    }

    @AfterEach
    void forget() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        Mocks.reset();
    }

    private Job timer() {
        List<Job> jobs = engine.getManagementService().createJobQuery().timers()
                .processDefinitionKey(ReviewRemindersProcess.KEY).list();
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Test
    void theTimerIsDueAtEightInTheMorningChinaTimeTheNextTimeItComes() {
        ZonedDateTime due = timer().getDuedate().toInstant().atZone(CHINA);
        ZonedDateTime now = ZonedDateTime.now(CHINA);
        assertThat(due.getHour()).isEqualTo(8);
        assertThat(due.getMinute()).isZero();
        assertThat(due).isAfter(now).isBefore(now.plusDays(1).plusMinutes(1));
    }

    @Test
    void eachRunSendsTheDigestRecordsHowManyAndTheNextDaysTimerFollows() throws Exception {
        doAnswer(inv -> {
            ((DelegateExecution) inv.getArgument(0)).setVariable(Vars.DIGESTS_QUEUED, 3);
            return null;
        }).when(digest).execute(any());
        Job first = timer();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(first.getDuedate()); // 08:00 has come

        engine.getManagementService().executeJob(first.getId());

        verify(digest, times(1)).execute(any());
        HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReviewRemindersProcess.KEY).singleResult();
        assertThat(run.getEndActivityId()).isEqualTo(ReviewRemindersProcess.END_DIGEST_SENT);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(run.getId()).variableName(Vars.DIGESTS_QUEUED).singleResult().getValue())
                .isEqualTo(3);
        Job next = timer();
        assertThat(next.getId()).isNotEqualTo(first.getId());
        assertThat(next.getDuedate().getTime() - first.getDuedate().getTime()).isEqualTo(86_400_000L);
    }

    @Test
    void aFailedDigestKeepsTheDailyTimer() throws Exception {
        doThrow(new IllegalStateException("SMTP down")).when(digest).execute(any());
        Job first = timer();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(first.getId()))
                .hasMessageContaining("SMTP down");

        // the failed run is rolled back with its job (retried, then an incident); tomorrow's timer is not lost
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(ReviewRemindersProcess.KEY)
                .timers().list()).extracting(Job::getId).contains(first.getId());
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ReviewRemindersProcess.KEY).finished().count()).isZero();
    }
}
