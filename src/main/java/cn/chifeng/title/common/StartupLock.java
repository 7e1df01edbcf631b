package cn.chifeng.title.common;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster-wide start-up lock (table {@code startup_lock}, one row per step): a start-up step runs in one Spring
 * transaction that begins by locking its row with {@code select ... for update}. The engine's services join that
 * transaction (Camunda's Spring configuration), so everything the step writes commits together with the release of
 * the lock; a node that starts at the same moment waits on the row and then sees the first node's work, instead of
 * inserting the same groups, filters or seasons a second time.
 */
@Component
public class StartupLock {
    /** How long a node waits for another node's start-up step. */
    private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(10);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate locked;
    private final TransactionTemplate separate;

    StartupLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.locked = new TransactionTemplate(transactions);
        this.locked.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs the step while this node holds the step's lock; other nodes running the same step wait until it ends. */
    public void run(String step, Runnable work) {
        call(step, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String step, Supplier<T> work) {
        ensureRow(step);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return locked.execute(status -> {
                    lock(step);
                    return work.get();
                });
            } catch (NotYet e) {
                // the database gave up waiting before the other node finished (H2 waits about a second): wait again
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("启动锁 " + step + " 等待超过 " + WAIT.toMinutes() + " 分钟", e);
                }
            }
        }
    }

    private void lock(String step) {
        List<String> row;
        try {
            row = jdbc.queryForList("select lock_name from startup_lock where lock_name = ? for update", String.class,
                    step);
        } catch (org.springframework.dao.TransientDataAccessException timedOut) {
            throw new NotYet(timedOut);
        }
        if (row.isEmpty()) {
            throw new IllegalStateException("启动锁 " + step + " 不存在（表 startup_lock）");
        }
    }

    /** The lock's row was not granted in the database's lock timeout; nothing of the step has run yet. */
    private static final class NotYet extends RuntimeException {
        NotYet(Throwable cause) {
            super(cause);
        }
    }

    /** A step without a row of the migration gets one; a node that adds it at the same moment wins, harmlessly. */
    private void ensureRow(String step) {
        if (jdbc.queryForObject("select count(*) from startup_lock where lock_name = ?", Integer.class, step) > 0) {
            return;
        }
        try {
            separate.executeWithoutResult(status ->
                    jdbc.update("insert into startup_lock (lock_name) values (?)", step));
        } catch (DuplicateKeyException anotherNodeFirst) {
            // the row is there now
        }
    }
}
