package cn.chifeng.title.security;

import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A task completion that met a concurrent change of the same process instance is done again. Parallel work of one
 * instance — the experts of a committee completing their blind reviews at the same moment, each completion counting
 * the multi-instance's finished seats — makes the engine refuse all but the first with an optimistic-locking
 * conflict, which the person would see as a server error. The completion is one transaction of its own that the
 * conflict rolled back whole, so doing it again (up to {@value #ATTEMPTS} times, after a short random pause) is what
 * the person would do, without their trouble. Only a completion that is a command of its own is repeated: one inside
 * the product's own transaction or command leaves the conflict to it.
 */
final class CompletionRetry extends CommandInterceptor {
    static final int ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CompletionRetry.class);

    @Override
    public <T> T execute(Command<T> command) {
        boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
        if (!completion || Context.getCommandContext() != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return next.execute(command);
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("任务办理与同一流程的并发操作冲突，第 {} 次重试", attempt);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
