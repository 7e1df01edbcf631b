package cn.chifeng.title.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What {@link CompletionRetry} does again and what it leaves alone, against an engine chain that conflicts. */
class CompletionRetryTest {

    /** The rest of the chain: fails with a conflict the first {@code conflicts} times. */
    private static final class Conflicting extends CommandInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final int conflicts;

        Conflicting(int conflicts) {
            this.conflicts = conflicts;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            if (calls.incrementAndGet() <= conflicts) {
                throw new OptimisticLockingException("concurrent update");
            }
            return (T) "done";
        }
    }

    private static CompletionRetry retry(Conflicting next) {
        CompletionRetry r = new CompletionRetry();
        r.setNext(next);
        return r;
    }

    @Test
    void aCompletionThatConflictedIsDoneAgain() {
        Conflicting next = new Conflicting(2);
        assertThat((Object) retry(next).execute(new CompleteTaskCmd("t", null))).isEqualTo("done");
        assertThat(next.calls).hasValue(3);
    }

    @Test
    void afterTheLastAttemptTheConflictIsTheCallers() {
        Conflicting next = new Conflicting(CompletionRetry.ATTEMPTS);
        assertThatThrownBy(() -> retry(next).execute(new CompleteTaskCmd("t", null)))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(next.calls).hasValue(CompletionRetry.ATTEMPTS);
    }

    @Test
    void otherCommandsAreNotRepeated() {
        Conflicting next = new Conflicting(1);
        assertThatThrownBy(() -> retry(next).execute(new GetTaskVariableCmd("t", "v", false)))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(next.calls).hasValue(1);
    }

    @Test
    void aCompletionInsideTheProductsOwnTransactionIsLeftToIt() {
        Conflicting next = new Conflicting(1);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry(next).execute(new CompleteTaskCmd("t", null)))
                    .isInstanceOf(OptimisticLockingException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(next.calls).hasValue(1);
    }
}
