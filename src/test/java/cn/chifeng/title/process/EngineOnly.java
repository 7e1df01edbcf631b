package cn.chifeng.title.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * An in-memory engine for one model's engine-only test: no Spring, no job executor, beans from {@code Mocks}, the
 * application's FEEL cache plugin.
 */
final class EngineOnly {
    private EngineOnly() {
    }

    static ProcessEngine engine(String name) {
        StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
        c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        c.setProcessEngineName(name);
        c.setExpressionManager(new MockExpressionManager());
        c.setJobExecutorActivate(false);
        c.setHistory("full");
        // as in the application: the DMN engine with the caching FEEL engine (ADR 6)
        c.getProcessEnginePlugins().add(new cn.chifeng.title.feel.FeelCachePlugin());
        return c.buildProcessEngine();
    }
}
