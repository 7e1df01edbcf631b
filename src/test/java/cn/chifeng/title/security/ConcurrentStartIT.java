package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.chifeng.title.common.StartupLock;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * Two nodes starting together on one database: {@link OrganisationAccess#synchronise()} run by two threads at once
 * (each as a node would) leaves one Tasklist filter per name and fails on neither. Without the start-up lock the same
 * race creates a filter twice — shown on PostgreSQL, where it is real. And the engine's services join the lock's
 * Spring transaction: what they wrote is undone with it.
 */
@Tag("postgres")
class ConcurrentStartIT extends IntegrationTestBase {
    private static final List<String> FILTERS = List.of(OrganisationAccess.FILTER_MINE,
            OrganisationAccess.FILTER_ORGANISATION, OrganisationAccess.FILTER_CITY);

    @Autowired
    OrganisationAccess access;
    @Autowired
    StartupLock startupLock;

    @Test
    void theEngineJoinsTheStartupLocksTransaction() {
        var identity = engine.getIdentityService();
        try {
            startupLock.run(OrganisationAccess.LOCK, () -> {
                Group g = identity.newGroup("startup-lock-probe");
                g.setName("探针");
                identity.saveGroup(g);
                assertThat(identity.createGroupQuery().groupId("startup-lock-probe").count()).isOne();
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }
        assertThat(identity.createGroupQuery().groupId("startup-lock-probe").count())
                .as("the group saved through the engine is rolled back with the lock's transaction").isZero();
    }

    @Test
    void twoNodesSynchronisingAtOnceMakeEachFilterOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            deleteFilters();
            List<Throwable> failures = race(access::synchronise);
            assertThat(failures).as("round %d", round).isEmpty();
            assertThat(filterCounts()).as("round %d", round)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(FILTERS.get(0), 1L, FILTERS.get(1), 1L, FILTERS.get(2), 1L));
        }
    }

    @Test
    void withoutTheLockTheSameRaceMakesAFilterTwice() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("test.database")), "the race is shown on PostgreSQL");
        boolean duplicated = false;
        try {
            for (int round = 0; round < 20 && !duplicated; round++) {
                deleteFilters();
                List<Throwable> failures = race(access::synchroniseUnlocked);
                duplicated = !failures.isEmpty() || filterCounts().values().stream().anyMatch(n -> n > 1);
            }
        } finally {
            deleteFilters();
            access.synchronise();
        }
        assertThat(duplicated).as("two unlocked synchronisations created a filter twice (or failed)").isTrue();
    }

    /** Runs the start-up step in two threads released at the same moment; what they threw. */
    private static List<Throwable> race(Runnable step) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    step.run();
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> run : runs) {
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            nodes.shutdownNow();
        }
    }

    private void deleteFilters() {
        var filters = engine.getFilterService();
        for (String name : FILTERS) {
            filters.createTaskFilterQuery().filterName(name).list().forEach(f -> filters.deleteFilter(f.getId()));
        }
    }

    private Map<String, Long> filterCounts() {
        return engine.getFilterService().createTaskFilterQuery().list().stream().map(Filter::getName)
                .filter(FILTERS::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
