package cn.chifeng.title.benchmark;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.IntegrationTestBase;
import cn.chifeng.title.support.TestUsers;

/**
 * Benchmark, not a test: what the engine guard and the authorization checks cost a task completion. Completes unit
 * review tasks as an administrator (the guard lets administrators by and the engine does not check their
 * authorizations) and as the unit's reviewer (the guard reads the deployed form, the task's variables and the
 * review rules; the engine checks TASK_WORK), and prints both. Run with
 * {@code mvn -B verify -Pbenchmark}.
 */
@Tag("benchmark")
class EngineGuardBenchmark extends IntegrationTestBase {
    private static final int WARM_UP = 50;
    private static final int MEASURED = 300;

    @Autowired
    ApplicationService applications;
    @Autowired
    TaskService tasks;

    private List<String> unitTasks(int n) {
        String applicant = users.applicant("guard-benchmark-" + System.nanoTime());
        List<String> ids = new ArrayList<>();
        while (ids.size() < n) {
            String pid;
            try {
                pid = users.api(applicant, () -> applications.submit(dossier()
                        .idNumber(cn.chifeng.title.support.Dossiers.randomIdNumber()).build())).processInstanceId();
            } catch (cn.chifeng.title.common.ApiException sameRandomPerson) {
                continue;
            }
            ids.add(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId());
        }
        return ids;
    }

    @Test
    void completionWithAndWithoutTheGuard() {
        String reviewer = users.reviewer("unit-nc-hospital");
        Map<String, Object> approve = Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true, Vars.COMMENT, "同意");
        List<String> warm = unitTasks(2 * WARM_UP);
        for (int i = 0; i < WARM_UP; i++) {
            String id = warm.get(i);
            users.as(TestUsers.ADMIN, () -> tasks.complete(id, approve));
            String other = warm.get(WARM_UP + i);
            users.as(reviewer, () -> tasks.complete(other, approve));
        }
        List<String> measured = unitTasks(2 * MEASURED);
        long[] system = new long[MEASURED];
        long[] person = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            String a = measured.get(2 * i);
            String b = measured.get(2 * i + 1);
            long t = System.nanoTime();
            users.as(TestUsers.ADMIN, () -> tasks.complete(a, approve));
            system[i] = System.nanoTime() - t;
            t = System.nanoTime();
            users.as(reviewer, () -> tasks.complete(b, approve));
            person[i] = System.nanoTime() - t;
        }
        System.out.printf("%n=== engine guard benchmark (%d completions each, %d cores) ===%n", MEASURED,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("complete as an administrator    : mean %.2f ms, p99 %.2f ms%n", Figures.mean(system), Figures.p99(system));
        System.out.printf("complete as the unit's reviewer : mean %.2f ms, p99 %.2f ms (guard + authorization)%n%n",
                Figures.mean(person), Figures.p99(person));
    }
}
