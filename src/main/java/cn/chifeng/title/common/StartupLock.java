package cn.chifeng.title.common;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cluster-wide start-up lock (table {@code startup_lock}, one row per step, a {@link RowLock}): a start-up step
 * runs in one transaction that begins by locking its row, so a node that starts at the same moment waits on the row
 * and then sees the first node's work, instead of inserting the same groups, filters or seasons a second time.
 */
@Component
public class StartupLock {
    /** How long a node waits for another node's start-up step. */
    private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(10);
    private final RowLock lock;

    StartupLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.lock = new RowLock(jdbc, transactions, "startup_lock", "lock_name", WAIT);
    }

    /** Runs the step while this node holds the step's lock; other nodes running the same step wait until it ends. */
    public void run(String step, Runnable work) {
        lock.run(step, work);
    }

    public <T> T call(String step, Supplier<T> work) {
        return lock.call(step, work);
    }
}
