package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import cn.chifeng.title.support.IntegrationTestBase;

/**
 * Parallel work of one instance completed at the same moment — as a committee's experts complete their blind reviews:
 * every completion succeeds, though each one counts the multi-instance's finished seats (one variable row) and all but
 * the first meet a conflict that the product does again for them.
 */
class CompletionRetryIT extends IntegrationTestBase {
    private static final int SEATS = 12;

    @Test
    void seatsOfOneInstanceCompletedAtTheSameMomentAllSucceed() throws Exception {
        engine.getRepositoryService().createDeployment().name("completion-retry-test")
                .addModelInstance("completion-retry.bpmn", Bpmn.createExecutableProcess("completion-retry")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Seat").multiInstance().parallel()
                        .cardinality(Integer.toString(SEATS)).multiInstanceDone().endEvent("Done").done())
                .deploy();
        String pi = engine.getRuntimeService().startProcessInstanceByKey("completion-retry").getId();
        TaskService tasks = engine.getTaskService();
        List<Task> seats = tasks.createTaskQuery().processInstanceId(pi).list();
        assertThat(seats).hasSize(SEATS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Task t : seats) {
                done.add(pool.submit(() -> tasks.complete(t.getId())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi)
                .singleResult().getEndActivityId()).isEqualTo("Done");
    }
}
