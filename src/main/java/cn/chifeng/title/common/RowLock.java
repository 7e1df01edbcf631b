package cn.chifeng.title.common;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lock shared by every node on one database: one row per lock name in a table of the product, locked with
 * {@code select ... for update} at the start of a transaction of its own in which the work runs. The engine's services
 * join that transaction (Camunda's Spring configuration), so everything the work writes commits together with the
 * release of the lock; another node (or thread) running work under the same name waits on the row and then sees
 * what the first one committed. A missing row is made first, in a transaction of its own (a failed insert would
 * spoil PostgreSQL's transaction). The table and column are the product's constants, never input.
 */
public final class RowLock {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final String table;
    private final String column;
    private final Duration wait;

    public RowLock(JdbcTemplate jdbc, PlatformTransactionManager transactions, String table, String column,
                   Duration wait) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
        this.column = column;
        this.wait = wait;
    }

    /** Runs the work while holding the named lock; others running work under the same name wait until it ends. */
    public void run(String name, Runnable work) {
        call(name, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String name, Supplier<T> work) {
        ensureRow(name);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return own.execute(status -> {
                    lock(name);
                    return work.get();
                });
            } catch (NotYet e) {
                // the database gave up waiting before the holder finished (H2 waits about a second): wait again
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("锁 " + table + "/" + name + " 等待超过 " + wait.toSeconds() + " 秒",
                            e);
                }
            }
        }
    }

    private void lock(String name) {
        List<String> row;
        try {
            row = jdbc.queryForList("select " + column + " from " + table + " where " + column + " = ? for update",
                    String.class, name);
        } catch (org.springframework.dao.TransientDataAccessException timedOut) {
            throw new NotYet(timedOut);
        }
        if (row.isEmpty()) {
            throw new IllegalStateException("锁 " + name + " 不存在（表 " + table + "）");
        }
    }

    /** The lock's row was not granted in the database's lock timeout; nothing of the work has run yet. */
    private static final class NotYet extends RuntimeException {
        NotYet(Throwable cause) {
            super(cause);
        }
    }

    /** A name without a row gets one; a node that adds it at the same moment wins, harmlessly. */
    private void ensureRow(String name) {
        if (jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, name) > 0) {
            return;
        }
        try {
            own.executeWithoutResult(status ->
                    jdbc.update("insert into " + table + " (" + column + ") values (?)", name));
        } catch (DuplicateKeyException anotherFirst) {
            // the row is there now
        }
    }
}
